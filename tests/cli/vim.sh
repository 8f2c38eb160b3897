#!/usr/bin/env bash
# vim.sh: the Vim snippet of docs/integrations.md (`:make` with the gcc
# format, then the quickfix columns converted from characters to bytes),
# run by a headless Vim when one is installed (Debian package vim-nox or
# vim): the quickfix entry has the right line, byte column and type, and
# `:cc` puts the cursor on the first character of the problem. The
# document has a 4-byte, double-width character and a CJK one before the
# span, so characters, bytes and screen columns all differ (3, 8, 5).
# Then, when ALE is installed (Debian package vim-ale), ALE's language
# server client with `translint lsp`.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v vim >/dev/null 2>&1; then
	ok "vim: make and quickfix # SKIP vim not installed"
	finish
fi

export HOME=$work
mkdir bin
ln -s "$TRANSLINT" bin/translint
export PATH=$work/bin:$PATH
printf '# 标题\n\n\360\240\200\200中文Go\n' >a.md

# The vimrc is the snippet of docs/integrations.md, word for word, after
# the two lines a vimrc has anyway.
cat >vimrc <<'VIM'
set nocompatible
filetype on
augroup translint
  autocmd!
  autocmd FileType markdown setlocal makeprg=translint\ --format\ gcc\ %
        \ errorformat=%f:%l:%c:\ %t%*[a-z]:\ %m
  autocmd QuickFixCmdPost make call s:TranslintColumns()
augroup END
" translint counts columns in characters, Vim's quickfix in bytes.
function! s:TranslintColumns() abort
  if &l:makeprg !~# '^translint' | return | endif
  let l:list = getqflist()
  for l:e in l:list
    if l:e.bufnr > 0 && l:e.lnum > 0 && l:e.col > 0
      let l:line = readfile(bufname(l:e.bufnr), '', l:e.lnum)[-1]
      let l:e.col = byteidxcomp(l:line, l:e.col - 1) + 1
    endif
  endfor
  call setqflist(l:list, 'r')
endfunction
VIM

cat >test.vim <<'VIM'
silent make
call writefile(map(getqflist(), {_, e -> printf('qf %d %d %s %s',
      \ e.lnum, e.col, e.type, e.text)}), 'result.txt')
silent cc 1
call writefile(['cursor ' . line('.') . ' ' . col('.') . ' '
      \ . strcharpart(getline('.'), charcol('.') - 1, 1)], 'result.txt', 'a')
qa!
VIM

# result_has LINE: result.txt has LINE; if not, result.txt (or without
# it, what the editor said) is the reason.
result_has()
{
	grep -qx -e "$1" result.txt 2>/dev/null || {
		: >out
		{ tr '\n' '|' <result.txt || cat vim.out; } >err 2>/dev/null
		false
	}
}

# The suite runs with LANG=C; a Vim user's locale is UTF-8.
timeout 60 vim -Es -u vimrc -i NONE --cmd 'set encoding=utf-8' \
	-S test.vim a.md >vim.out 2>&1 </dev/null
status=$?
check "vim: ran and quit" eval '[ "$status" -eq 0 ] && [ -f result.txt ] ||
	{ cat vim.out result.txt >err 2>/dev/null; false; }'
# 文 is character 3 of "𠀀中文Go" and starts at byte 8.
check "vim: quickfix entry at the right line and byte column" \
	result_has 'qf 3 8 w Missing space between Chinese and English \[space-cjk-latin\]'
check "vim: :cc puts the cursor on the problem" \
	result_has 'cursor 3 8 文'

# ALE (Debian package vim-ale, an optional package) with `translint lsp`:
# the registration of docs/integrations.md, word for word, after the
# lines that load ALE.
if ! [ -d /usr/share/vim/vimfiles/pack/dist-bundle/opt/ale ] &&
	! ls "$HOME"/.vim/pack/*/*/ale >/dev/null 2>&1; then
	ok "vim: ALE and translint lsp # SKIP vim-ale not installed"
	finish
fi
cat >alerc <<'VIM'
set nocompatible
packadd! ale
filetype plugin on
call ale#linter#Define('markdown', {
\   'name': 'translint',
\   'lsp': 'stdio',
\   'executable': 'translint',
\   'command': '%e lsp',
\   'project_root': {buffer -> fnamemodify(bufname(buffer), ':p:h')},
\})
VIM
cat >test-ale.vim <<'VIM'
ALELint
for i in range(100)
  if !empty(getloclist(0)) | break | endif
  sleep 100m
endfor
call writefile(map(getloclist(0), {_, e -> printf('ale %d %d %s %s',
      \ e.lnum, e.col, e.type, e.text)}), 'result.txt')
qa!
VIM
rm -f result.txt
timeout 60 vim -Es -u alerc -i NONE --cmd 'set encoding=utf-8' \
	-S test-ale.vim a.md >vim.out 2>&1 </dev/null
status=$?
check "vim: ALE ran and quit" eval '[ "$status" -eq 0 ] && [ -f result.txt ] ||
	{ cat vim.out result.txt >err 2>/dev/null; false; }'
# The line is right. The column is not: ALE 3.3 takes the server's UTF-16
# "character" for a byte column (4, in 中, where 文 is byte 8), as
# docs/integrations.md says; checked so that a change shows.
check "vim: ALE puts the diagnostic on the line (column: UTF-16 units)" \
	result_has 'ale 3 4 W space-cjk-latin: Missing space between Chinese and English'
finish
