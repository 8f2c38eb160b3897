/*
 * config_paths.c: the paths and globs of the configuration. Globs of
 * ignore: and overrides: are relative to the folder of the file that
 * wrote them and read as .gitignore reads them (globs.c); paths are made
 * absolute lexically, without resolving symbolic links, so that globs
 * follow the path as the user wrote it. Also finds the .translint.yml that
 * applies to a file, walking up from its folder to the repository's top.
 */
#include "config_impl.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Paths and globs --------------------------------------------------- */

/* PATH made absolute (against the working folder) and normalized
 * lexically: no "." or ".." segments, no doubled or trailing '/'.
 * Symbolic links are not resolved: globs and discovery follow the path as
 * the user wrote it. Caller frees. */
char *tl_path_abs(const char *path)
{
	tl_buf in = {0};
	if (path[0] != '/') {
		char cwd[4096];
		if (getcwd(cwd, sizeof cwd))
			tl_buf_puts(&in, cwd);
		tl_buf_putc(&in, '/');
	}
	tl_buf_puts(&in, path);
	char *out = tl_xmalloc(in.len + 2);
	size_t n = 0;
	const char *p = in.data;
	while (*p) {
		while (*p == '/')
			p++;
		const char *e = strchr(p, '/');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == 0)
			break;
		if (len == 1 && p[0] == '.') {
			/* skip */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			while (n > 0 && out[n - 1] != '/')
				n--;
			if (n > 0)
				n--;
		} else {
			out[n++] = '/';
			memcpy(out + n, p, len);
			n += len;
		}
		p += len;
	}
	if (n == 0)
		out[n++] = '/';
	out[n] = '\0';
	tl_buf_free(&in);
	return out;
}

/* The folder part of absolute path P (caller frees). */
char *tl_path_dir(const char *p)
{
	const char *slash = strrchr(p, '/');
	if (!slash || slash == p)
		return tl_xstrdup("/");
	return tl_xstrndup(p, (size_t)(slash - p));
}

bool tl_config_ignores(const tl_config *cfg, const char *file)
{
	if (!tl_globs_count(cfg->ignore))
		return false;
	char *abs = tl_path_abs(file);
	bool hit = tl_globs_match(cfg->ignore, abs);
	free(abs);
	return hit;
}

tl_config *tl_config_for_file(const tl_config *cfg, const char *file)
{
	tl_config *out = NULL;
	char *abs = tl_path_abs(file);
	for (size_t i = 0; i < cfg->novr; i++) {
		const override_block *o = &cfg->ovr[i];
		if (!tl_globs_match(o->files, abs))
			continue;
		if (!out)
			out = tl_config_copy(cfg);
		for (size_t k = 0; k < o->nset; k++)
			tl_config_apply_setting(out, &o->set[k]);
	}
	free(abs);
	return out;
}

unsigned long tl_config_override_mask(const tl_config *cfg, const char *file)
{
	unsigned long mask = 0;
	char *abs = tl_path_abs(file);
	for (size_t i = 0; i < cfg->novr && i < 8 * sizeof mask; i++)
		if (tl_globs_match(cfg->ovr[i].files, abs))
			mask |= 1UL << i;
	free(abs);
	return mask;
}

/* Absolute path P (owned) made relative to the working folder when it is
 * below it, for messages. */
char *tl_path_shorten(char *p)
{
	char *cwd = tl_path_abs(".");
	size_t l = strlen(cwd);
	if (strcmp(cwd, "/") != 0 && strncmp(p, cwd, l) == 0 && p[l] == '/') {
		char *r = tl_xstrdup(p + l + 1);
		free(p);
		p = r;
	}
	free(cwd);
	return p;
}

char *tl_config_find(const char *file)
{
	static const char *const names[] = {".translint.yml",
	                                    ".translint.yaml"};
	char *abs = tl_path_abs(file);
	char *dir = tl_path_dir(abs);
	free(abs);
	for (;;) {
		for (size_t i = 0; i < 2; i++) {
			tl_buf p = {0};
			struct stat st;
			tl_buf_printf(&p, "%s%s%s", dir,
			              strcmp(dir, "/") == 0 ? "" : "/",
			              names[i]);
			if (stat(p.data, &st) == 0 && S_ISREG(st.st_mode)) {
				free(dir);
				return tl_path_shorten(p.data);
			}
			tl_buf_free(&p);
		}
		/* The repository's top folder is the last one asked: a stray
		 * .translint.yml above a checkout (a home folder, a shared
		 * parent) must not configure it, as ESLint's root: true and
		 * ruff's project root see it. .git is a folder, or the file
		 * of a linked worktree or a submodule. */
		tl_buf g = {0};
		struct stat gst;
		tl_buf_printf(&g, "%s%s.git", dir,
		              strcmp(dir, "/") == 0 ? "" : "/");
		bool top = lstat(g.data, &gst) == 0;
		tl_buf_free(&g);
		if (top || strcmp(dir, "/") == 0)
			break;
		char *up = tl_path_dir(dir);
		free(dir);
		dir = up;
	}
	free(dir);
	return NULL;
}
