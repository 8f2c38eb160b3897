#!/usr/bin/env bash
# install.sh: `make install` and `make uninstall` honour PREFIX and
# DESTDIR, installing the binary and the man page (DESIGN.md section 6);
# the man page renders without warnings and names every option --help
# lists.
# shellcheck source=tests/cli/common.bash
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$(dirname "$0")/common.bash"

page=$root/docs/translint.1

if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man --warnings -l "$page" >man.out 2>man.err
	status=$?
	check "man page renders without warnings" \
		eval 'status_is 0 && ! [ -s man.err ] && grep -q "EXIT STATUS" man.out'
else
	ok "man page renders without warnings # skip man not installed"
fi

# Every long option of --help appears in the page (as groff writes it,
# with \- for each hyphen).
"$TRANSLINT" --help >help.out
missing=
for opt in $(grep -o -- '--[a-z][a-z-]*' help.out | sort -u); do
	esc=$(printf '%s' "$opt" | sed 's/-/\\\\-/g')
	grep -q -- "$esc" "$page" || missing="$missing $opt"
done
check "man page documents every option of --help" \
	eval '[ -z "$missing" ] || { echo "missing:$missing" >err; false; }'
for code in 0 1 2; do
	check "man page documents exit status $code" \
		grep -q "^\\.B $code\$" "$page"
done

# make install with the binary already built.
if ! [ -x "$root/translint" ] || ! command -v make >/dev/null 2>&1; then
	ok "make install # skip no built ./translint or no make"
	finish
fi
# -o translint: copy the binary as built, never rebuild it here (the
# suite may run with other flags than a plain make would use).
make -s -C "$root" -o translint install PREFIX=/opt/tl DESTDIR="$work/stage" >out 2>err
status=$?
check "make install: binary and man page under DESTDIR/PREFIX" \
	eval 'status_is 0 && [ -x stage/opt/tl/bin/translint ] &&
		cmp -s stage/opt/tl/share/man/man1/translint.1 "$page"'
check "the installed binary runs" \
	eval 'stage/opt/tl/bin/translint --version | grep -q translint'
make -s -C "$root" uninstall PREFIX=/opt/tl DESTDIR="$work/stage" >out 2>err
status=$?
check "make uninstall removes both" \
	eval 'status_is 0 && ! [ -e stage/opt/tl/bin/translint ] &&
		! [ -e stage/opt/tl/share/man/man1/translint.1 ]'
finish
