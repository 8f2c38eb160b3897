#!/usr/bin/env bash
# nvim.sh: `translint lsp` driven by Neovim's built-in LSP client
# (headless), when Neovim is installed (Debian package neovim): the
# diagnostics reach the buffer at the right place (Neovim converts the
# server's UTF-16 positions to byte columns, so a unit mismatch shows),
# the code actions come back, and applying the fix-all edit fixes the
# buffer. Written for the client API of Neovim 0.7 (start_client and
# buf_attach_client), which later versions keep. And a translation
# beside its original (DESIGN.md 8.4): the source finding's
# relatedInformation reaches the buffer, and hover shows the original
# block.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v nvim >/dev/null 2>&1; then
	ok "nvim: built-in LSP client # skip neovim not installed"
	finish
fi

export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
	XDG_STATE_HOME=$work/state XDG_CACHE_HOME=$work/cache
printf '# 标题\n\n\360\240\200\200中文Go\n' >a.md

cat >test.lua <<'LUA'
local out = {}
local function say(s) table.insert(out, s) end
local translint = os.getenv("TRANSLINT")
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "translint",
  cmd = { translint, "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(buf, id)
local got = vim.wait(10000, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)
say("diagnostics " .. tostring(got))
for _, d in ipairs(vim.diagnostic.get(buf)) do
  say(string.format("diag %d %d %s %s %d", d.lnum, d.col,
    tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)),
    tostring(d.source), d.severity))
end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 2, character = 4 }, ["end"] = { line = 2, character = 4 } },
  context = { diagnostics = {} },
}
local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
local fixall
for _, r in pairs(res or {}) do
  for _, a in ipairs(r.result or {}) do
    say("action " .. a.kind)
    if a.kind == "source.fixAll.translint" then fixall = a end
  end
end
if fixall then
  vim.lsp.util.apply_workspace_edit(fixall.edit, "utf-16")
  say("line " .. vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1])
end
vim.fn.writefile(out, "result.txt")
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd("qa!")
LUA

TRANSLINT=$TRANSLINT timeout 60 nvim --headless --clean -n -i NONE a.md \
	-c 'setfiletype markdown' -c 'luafile test.lua' >nvim.out 2>&1
status=$?
check "nvim: ran and quit" eval '[ "$status" -eq 0 ] && [ -f result.txt ] ||
	{ cat nvim.out >err; false; }'
check "nvim: diagnostics reach the buffer" grep -qx 'diagnostics true' result.txt
# Line 3 (lnum 2): the span starts at 文, byte 7 of "𠀀中文Go" (0-based).
check "nvim: at the right byte column, with code and source" \
	grep -qx 'diag 2 7 space-cjk-latin translint 2' result.txt
check "nvim: code actions: a quick fix and fix-all" \
	eval 'grep -qx "action quickfix" result.txt &&
		grep -qx "action source.fixAll.translint" result.txt'
check "nvim: applying fix-all fixes the buffer" \
	grep -qx 'line 𠀀中文 Go' result.txt
# ---- A translation with its original ----
mkdir pair
printf 'extends: [translation]\nsource:\n  - {match: "(.+)\\\\.zh\\\\.md", original: "$1.en.md"}\n' \
	>pair/.translint.yml
printf 'First paragraph.\n\nSecond paragraph, 4.15 billion.\n' >pair/a.en.md
printf '第一段。\n' >pair/a.zh.md
cat >hover.lua <<'LUA'
local out = {}
local function say(s) table.insert(out, s) end
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "translint",
  cmd = { os.getenv("TRANSLINT"), "lsp" },
  root_dir = vim.fn.getcwd(),
})
vim.lsp.buf_attach_client(buf, id)
vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  local rel = lsp.relatedInformation and lsp.relatedInformation[1]
  if rel then
    say(string.format("related %s %s %d", tostring(lsp.code),
      vim.fn.fnamemodify(vim.uri_to_fname(rel.location.uri), ":t"),
      rel.location.range.start.line))
  end
end
local res = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 0, character = 1 },
}, 10000)
for _, r in pairs(res or {}) do
  if r.result then
    say("hover " .. r.result.contents.value:gsub("\n", "|"))
  end
end
vim.fn.writefile(out, "hover.txt")
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
vim.cmd("qa!")
LUA
TRANSLINT=$TRANSLINT timeout 60 nvim --headless --clean -n -i NONE pair/a.zh.md \
	-c 'setfiletype markdown' -c 'luafile hover.lua' >nvim.out 2>&1
status=$?
check "nvim: a source finding's relatedInformation names the original" \
	eval '[ "$status" -eq 0 ] && grep -qx "related source-missing a.en.md 2" hover.txt ||
		{ cat nvim.out hover.txt >err; false; }'
check "nvim: hover shows the original block" \
	grep -qx 'hover \*\*Original\*\* `pair/a.en.md:1`||First paragraph.' hover.txt
finish
