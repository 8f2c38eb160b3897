/*
 * save_during_fix.c: an LD_PRELOAD shim with which tests/cli/faults.sh
 * plays an editor saving a file while `translint --fix` runs.
 *
 * translint flushes its temporary file (fsync) after it has read and
 * fixed the original and before it renames the temporary over it: the
 * one moment when a save is sure to fall between the read and the
 * rename. The shim's fsync first saves the file named by TL_SHIM_SAVE,
 * once per process, the way TL_SHIM_HOW says:
 *
 *   append     appends a line, as an editor writing in place does
 *   rename     writes a new file and renames it over the old one, as
 *              editors that save atomically do (a new inode)
 *   same-size  overwrites the first bytes with others, keeps the size and
 *              puts the old modification time back, so that only the
 *              status change time and the bytes tell
 *
 * Without TL_SHIM_SAVE the shim changes nothing. It is built by the test
 * with the system compiler; it is not part of translint.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char line[] = "\nThe editor's save.\n";

static void save(const char *path, const char *how)
{
	struct stat st;
	int fd;

	if (strcmp(how, "append") == 0) {
		fd = open(path, O_WRONLY | O_APPEND);
		if (fd >= 0) {
			if (write(fd, line, sizeof line - 1) < 0)
				perror("shim: append");
			close(fd);
		}
	} else if (strcmp(how, "rename") == 0) {
		char tmp[4096];
		FILE *in = fopen(path, "rb"), *out;
		char buf[65536];
		size_t n;

		snprintf(tmp, sizeof tmp, "%s.editor-save", path);
		out = fopen(tmp, "wb");
		if (!in || !out) {
			perror("shim: rename");
			return;
		}
		while ((n = fread(buf, 1, sizeof buf, in)) > 0)
			fwrite(buf, 1, n, out);
		fputs(line, out);
		fclose(in);
		fclose(out);
		if (rename(tmp, path) != 0)
			perror("shim: rename");
	} else if (strcmp(how, "same-size") == 0) {
		fd = open(path, O_WRONLY);
		if (fd >= 0 && fstat(fd, &st) == 0) {
			struct timespec times[2] = {st.st_atim, st.st_mtim};

			if (pwrite(fd, "XXX", 3, 0) != 3)
				perror("shim: same-size");
			futimens(fd, times);
		}
		if (fd >= 0)
			close(fd);
	}
}

int fsync(int fd)
{
	static int saved;
	static int (*real_fsync)(int);
	const char *path = getenv("TL_SHIM_SAVE");
	const char *how = getenv("TL_SHIM_HOW");

	if (!real_fsync)
		*(void **)&real_fsync = dlsym(RTLD_NEXT, "fsync");
	if (path && !saved) {
		saved = 1;
		save(path, how ? how : "append");
	}
	return real_fsync(fd);
}
