/*
 * embedded.c: finding a file of rules/ among those compiled into the
 * binary (the table itself is generated at build time by tools/embed.sh;
 * embedded.h describes it).
 */
#include "embedded.h"

#include <string.h>

const struct tl_embedded_file *tl_embedded_find(const char *name)
{
	const struct tl_embedded_file *f;
	size_t n = strlen(name);

	for (f = tl_embedded_files; f->name != NULL; f++) {
		if (strcmp(f->name, name) == 0)
			return f;
		if (strncmp(f->name, name, n) == 0 &&
		    strcmp(f->name + n, ".yml") == 0)
			return f;
	}
	return NULL;
}

bool tl_embedded_is_preset(const char *name)
{
	size_t n = strlen(name);
	if (n >= 4 && strcmp(name + n - 4, ".yml") == 0)
		n -= 4;
	static const char suffix[] = ".glossary";
	size_t sl = sizeof suffix - 1;
	if (n >= sl && strncmp(name + n - sl, suffix, sl) == 0)
		return false;
	return !(n == 5 && strncmp(name, "terms", 5) == 0);
}
