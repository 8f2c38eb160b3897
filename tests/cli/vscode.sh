#!/usr/bin/env bash
# vscode.sh: the VS Code extension in editors/vscode/, built and packaged
# with the real tools (tsc, @vscode/vsce) in a copy of the folder, and its
# client-server handshake with `translint lsp` driven through Microsoft's
# protocol packages (editors/vscode/test/handshake.ts: initialize,
# diagnostics on didOpen, a quick fix through codeAction, didChange,
# shutdown). VS Code itself cannot run here.
#
# It needs node (20 or later, which @vscode/vsce 3 asks for) and the
# packages of editors/vscode/package-lock.json, installed by `npm ci` in
# that folder (.ci/run does it); without them each case skips.
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

ext=$root/editors/vscode
cases=("lock file: no download address but the npm registry"
	"extension version is translint's"
	"tsc compiles the client and the test"
	"vsce packages a .vsix"
	".vsix: compiled client, its runtime packages, no sources"
	".vsix: the settings translint.path and translint.args"
	"vscode handshake")

skip_all()
{
	local c
	for c in "${cases[@]}"; do
		ok "vscode: $c # SKIP $1"
	done
	finish
}

command -v node >/dev/null 2>&1 || skip_all "node not installed"
command -v python3 >/dev/null 2>&1 || skip_all "python3 not installed"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
[ "${major:-0}" -ge 20 ] || skip_all "node ${major:-?} is older than 20"
[ -x "$ext/node_modules/.bin/tsc" ] && [ -x "$ext/node_modules/.bin/vsce" ] ||
	skip_all "packages not installed (run npm ci in editors/vscode)"

# The lock file pins every package; npm ci must be able to fetch each from
# the npm registry (an address elsewhere would break a machine that
# reaches only the registry). With no "resolved" field npm asks the
# configured registry.
check "vscode: lock file: no download address but the npm registry" \
	python3 -c 'import json, sys
lock = json.load(open(sys.argv[1]))
bad = [k for k, v in lock.get("packages", {}).items()
       if "resolved" in v and not v["resolved"].startswith("https://registry.npmjs.org/")]
bad and print("not from the registry:", bad, file=sys.stderr)
sys.exit(lock.get("lockfileVersion") != 3 or bad != [])' "$ext/package-lock.json"

check "vscode: extension version is translint's" \
	eval '[ "$(node -p "require(process.argv[1]).version" "$ext/package.json")" = \
		"$("$TRANSLINT" --version | sed -n "1s/^translint //p")" ]'

# A copy, so that the build leaves the source tree alone; the installed
# packages are shared through a link.
mkdir ext
for f in "$ext"/* "$ext"/.vscodeignore; do
	case ${f##*/} in
	node_modules | out | *.vsix) ;;
	*) cp -RL "$f" ext/ ;;
	esac
done
ln -s "$ext/node_modules" ext/node_modules
cd ext || exit 2

check "vscode: tsc compiles the client and the test" \
	eval 'node_modules/.bin/tsc -p . >"$work/tsc.log" 2>&1 || { cat "$work/tsc.log" >&2; false; }'

check "vscode: vsce packages a .vsix" \
	eval 'node_modules/.bin/vsce package --out "$work/translint.vsix" >"$work/vsce.log" 2>&1 ||
		{ tail -5 "$work/vsce.log" >&2; false; }'

vsix()
{
	python3 -c 'import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
pkg = json.loads(z.read("extension/package.json"))
sys.exit(0 if eval("(" + sys.argv[2] + ")") else 1)' "$work/translint.vsix" "$1"
}
check "vscode: .vsix: compiled client, its runtime packages, no sources" \
	vsix '"extension/" + pkg["main"].lstrip("./") in names
	and "extension/node_modules/vscode-languageclient/package.json" in names
	and not any(n.startswith(("extension/src/", "extension/test/", "extension/out/test/"))
	            or (n.endswith(".ts") and "/node_modules/" not in n) for n in names)
	and not any("extension/node_modules/" + p + "/package.json" in names
	            for p in ("typescript", "@vscode/vsce"))'
check "vscode: .vsix: the settings translint.path and translint.args" \
	vsix 'set(pkg["contributes"]["configuration"]["properties"]) >= {"translint.path", "translint.args"}
	and pkg["activationEvents"] == ["onLanguage:markdown"]'

# The handshake prints its own ok / not ok lines.
mkdir "$work/docs"
if ! node out/test/handshake.js "$TRANSLINT" "$work/docs"; then
	failures=$((failures + 1))
fi

finish
