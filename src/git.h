/*
 * git.h: running git, for what reads a repository: --changed-since
 * (changed.c) and the originals of translations (pairing.c). git always
 * runs by argument vector through fork and exec, never through a shell,
 * and the repository a file belongs to is found by walking up from it.
 */
#ifndef TL_GIT_H
#define TL_GIT_H

#include "translint.h"

/* Runs ARGV (argv[0] looked up in PATH) in folder DIR (NULL: here), with
 * the INLEN bytes of IN on its standard input (IN NULL: /dev/null; at
 * most TL_GIT_MAX_INPUT bytes, which a pipe's buffer holds), and collects its
 * standard output in OUT and standard error in ERRS. Returns the exit status,
 * or -1 when it could not run. Safe to call from any thread: between fork and
 * exec the child makes only async-signal-safe calls. */
#define TL_GIT_MAX_INPUT 4096
int tl_git_run(char *const argv[], const char *dir, const char *in,
               size_t inlen, tl_buf *out, tl_buf *errs);
/* The first line of git's complaint in ERRS (cut there), for an error
 * message; "git failed" when it said nothing. */
const char *tl_git_first_line(tl_buf *errs);
/* The repository holding FILE (which need not exist, nor its folder):
 * the nearest folder above it holding .git (a folder, or the file of a
 * linked worktree or a submodule). Fills *ROOT (absolute, symbolic links
 * resolved in the part that exists) and *REL (FILE's path below it, as
 * git names it); both for the caller to free. False when FILE is in no
 * repository (nothing filled). */
bool tl_git_locate(const char *file, char **root, char **rel);

#endif
