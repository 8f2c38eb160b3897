/*
 * lsp.h: the language server, `translint lsp` (DESIGN.md section 6).
 */
#ifndef TL_LSP_H
#define TL_LSP_H

#include <stdio.h>

#include "translint.h"

/* Serves the Language Server Protocol on IN and OUT (Content-Length
 * framed JSON-RPC) until the client sends exit or closes IN. Messages are
 * in LANG. Returns the process exit status: 0 after shutdown then exit,
 * 1 when exit (or end of input) came without shutdown. Diagnostics about
 * the server itself go to standard error, never to OUT. */
int tl_lsp_serve(FILE *in, FILE *out, tl_lang lang);

#endif
