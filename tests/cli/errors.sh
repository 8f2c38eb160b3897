#!/usr/bin/env bash
# errors.sh: I/O errors. A file that cannot be read is reported on
# stderr and the other files are still linted; the run then exits 2
# whatever the other files gave.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin -f gcc)

write a.md '使用Go编写\n'
write z.md '使用Go编写\n'

tl "${sel[@]}" a.md missing.md z.md
check "missing file: reported, the others linted, exit 2" \
	eval 'status_is 2 && err_has "^translint: error: missing.md: " &&
		out_has "^a.md:" && out_has "^z.md:"'

tl "${sel[@]}" --severity space-cjk-latin=error a.md missing.md
check "an I/O error outranks failing diagnostics: exit 2" eval 'status_is 2'

if [ "$(id -u)" != 0 ]; then
	write locked.md '使用Go编写\n'
	chmod 000 locked.md
	tl "${sel[@]}" a.md locked.md z.md
	check "unreadable file: reported, the others linted, exit 2" \
		eval 'status_is 2 && err_has "locked.md" && out_has "^z.md:"'
	mkdir -p tree/closed
	write tree/closed/x.md 'x\n'
	write tree/open.md '使用Go编写\n'
	chmod 000 tree/closed
	tl "${sel[@]}" tree
	check "unreadable folder: reported, the rest walked, exit 2" \
		eval 'status_is 2 && err_has "tree/closed" && out_has "^tree/open.md:"'
	chmod 755 tree/closed
else
	ok "unreadable file # SKIP running as root"
	ok "unreadable folder # SKIP running as root"
fi

# Spans are 32-bit offsets: 4 GiB or more is refused up front (a sparse
# file, so the test costs no disk).
if truncate -s 4G huge.md 2>/dev/null; then
	tl "${sel[@]}" huge.md a.md
	check "a file of 4 GiB is refused with a message, exit 2" \
		eval 'status_is 2 && err_has "huge.md: .*4 GiB" && out_has "^a.md:"'
	rm -f huge.md
else
	ok "a file of 4 GiB is refused # SKIP no sparse files"
fi

# A file in UTF-16 is no binary: the message says what it is (issue 12.11).
printf '\377\376#\000 \000T\000i\000\n\000' >u16le.md
printf '\376\377N\055\145\207' >u16be.md
printf 'A\000 \000l\000o\000n\000g\000 \000l\000i\000n\000e\000 \000o\000f\000 \000t\000e\000x\000t\000\n\000' >u16nobom.md
cp u16le.md u16le.orig
tl -f gcc --fix u16le.md u16be.md u16nobom.md
check "UTF-16 files: said to be UTF-16, with the advice, and left alone" \
	eval 'status_is 1 &&
		out_has "^u16le.md:1:1: error: Encoding: UTF-16 with BOM; convert to UTF-8 .*binary-file" &&
		out_has "^u16be.md:1:1: error: Encoding: UTF-16 with BOM; convert to UTF-8 .*invalid-utf8" &&
		out_has "^u16nobom.md:1:1: error: Encoding: UTF-16 without BOM; convert to UTF-8" &&
		cmp -s u16le.md u16le.orig'

# Errors come in input order on stderr, whatever -j is.
for i in 1 2 3 4 5 6; do write "f$i.md" '使用Go编写\n'; done
"$TRANSLINT" "${sel[@]}" -j 4 f1.md m1.md f2.md m2.md f3.md m3.md f4.md \
	>out 2>err
status=$?
check "errors are reported in input order" \
	eval 'status_is 2 && [ "$(grep -o "m[0-9].md" err | tr -d "\n")" = m1.mdm2.mdm3.md ]'

finish
