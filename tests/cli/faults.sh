#!/usr/bin/env bash
# faults.sh: faults lose nothing (issue 7). --fix replaces a file by a
# rename of a temporary file in the same folder, keeping the mode and
# leaving nothing behind; a failed write (file-size limit) is exit 2 with
# the original byte-identical; unreadable, vanished and non-file paths are
# reported while the other files are still linted; invalid UTF-8 and
# binary files are never rewritten, not even with --unsafe-fixes.
# tests/cli/fix.sh covers the everyday --fix cases; these are the faults.
root=${TL_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin --select invalid-utf8 --select binary-file)

# Nothing but the test's own files in the folder: no temporary left.
only_files()
{
	[ "$(ls -A | LC_ALL=C sort | tr '\n' ' ')" = "$1" ]
}

# ---- The rename --------------------------------------------------------

mkdir r && cd r || exit 2
write a.md '使用Go编写\n'
chmod 604 a.md
inode=$(ls -i a.md | cut -d' ' -f1)
tl --fix "${sel[@]}" a.md
check "--fix replaces the file by a rename (new inode)" \
	eval 'status_is 0 && same_bytes a.md "使用 Go 编写\n" &&
		[ "$(ls -i a.md | cut -d" " -f1)" != "$inode" ]'
check "--fix keeps an unusual mode (604)" eval '[ "$(mode_of a.md)" = "-rw----r--" ]'
write x.sh '使用Go编写\n'
chmod 755 x.sh
tl --fix "${sel[@]}" x.sh
check "--fix keeps the executable bits" \
	eval 'status_is 0 && [ "$(mode_of x.sh)" = "-rwxr-xr-x" ]'
check "--fix leaves nothing behind in the folder" eval 'only_files "a.md err out x.sh "'
cd .. || exit 2

# ---- A save while --fix runs (issue 12) --------------------------------

# tests/cli/shim/save_during_fix.c saves the file the way an editor does,
# between translint's read and its rename; the save must survive, the
# file be reported, and the run exit 2.
shim=$work/save_during_fix.so
if ${CC:-cc} -shared -fPIC -o "$shim" "$root/tests/cli/shim/save_during_fix.c" \
	-ldl 2>/dev/null; then
	# The shim comes before the sanitizer's runtime in the library list.
	asan=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
	mkdir s && cd s || exit 2
	write ok.md '使用Go编写\n'
	LD_PRELOAD=$shim ASAN_OPTIONS=$asan "$TRANSLINT" --fix "${sel[@]}" ok.md >out 2>err
	status=$?
	check "a save while fixing: the shim alone changes nothing" \
		eval 'status_is 0 && same_bytes ok.md "使用 Go 编写\n"'
	for how in append rename same-size; do
		case $how in
		same-size) saved='XXX用Go编写\n' ;;
		*) saved='使用Go编写\n\nThe editor'"'"'s save.\n' ;;
		esac
		write a.md '使用Go编写\n'
		write b.md '使用Go编写\n'
		TL_SHIM_SAVE=$PWD/a.md TL_SHIM_HOW=$how LD_PRELOAD=$shim \
			ASAN_OPTIONS=$asan "$TRANSLINT" --fix -j 1 "${sel[@]}" a.md b.md \
			>out 2>err
		status=$?
		check "a save while fixing ($how) is kept, not overwritten" \
			eval 'same_bytes a.md "$saved"'
		check "a save while fixing ($how): exit 2, the file named" \
			eval 'status_is 2 && err_has "a.md: changed while it was being fixed"'
		check "a save while fixing ($how): the other file is fixed" \
			eval 'same_bytes b.md "使用 Go 编写\n"'
		check "a save while fixing ($how) leaves no temporary file" \
			eval 'only_files "a.md b.md err ok.md out "'
	done
	cd .. || exit 2
else
	ok "a save while fixing # SKIP no C compiler for the shim"
fi

# ---- The file's own write permission (issue 12) --------------------------

# A rename needs only the folder's permission; --fix must not replace a
# file its user could not write in place. As root, the case runs as
# nobody (root may write any file), when setpriv can do that here.
mkdir perm
write perm/ro.md '使用Go编写\n'
write perm/rw.md '使用Go编写\n'
chmod 444 perm/ro.md
as_user=()
if [ "$(id -u)" = 0 ]; then
	chmod 711 "$work"
	chown -R 65534:65534 perm
	as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
	"${as_user[@]}" "$TRANSLINT" --version >/dev/null 2>&1 || as_user=(none)
fi
if [ "${as_user[0]:-}" != none ]; then
	(cd perm && "${as_user[@]}" "$TRANSLINT" --fix "${sel[@]}" ro.md rw.md >../out 2>../err)
	status=$?
	check "--fix does not replace a read-only file: exit 2, named" \
		eval 'status_is 2 && err_has "ro.md: cannot write: the file is read-only"'
	check "... which is left as it was, and the other file fixed" \
		eval 'same_bytes perm/ro.md "使用Go编写\n" && [ "$(mode_of perm/ro.md)" = "-r--r--r--" ] &&
			same_bytes perm/rw.md "使用 Go 编写\n" && (cd perm && only_files "ro.md rw.md ")'
else
	ok "--fix does not replace a read-only file # SKIP cannot run as another user"
fi

# ---- A write failure ---------------------------------------------------

mkdir w && cd w || exit 2
{
	for i in $(seq 1 300); do printf '第%d段使用Go编写，使用Go编写\n\n' "$i"; done
} >big.md
write small.md '使用Go编写\n'
cp big.md ../big.orig
(
	# SIGXFSZ ignored: the write fails with EFBIG instead of killing.
	trap '' XFSZ
	ulimit -f 4 2>/dev/null || exit 0
	"$TRANSLINT" --fix "${sel[@]}" big.md small.md >../out 2>../err
	echo $? >../status
)
status=$(cat ../status 2>/dev/null || echo none)
cd .. || exit 2
check "a failed write: exit 2 and the file named" \
	eval 'status_is 2 && err_has "big.md"'
check "a failed write leaves the original byte-identical" \
	eval 'cmp -s w/big.md big.orig'
check "a failed write: the other file is still fixed" \
	eval 'same_bytes w/small.md "使用 Go 编写\n"'
check "a failed write leaves no temporary file" \
	eval '(cd w && only_files "big.md small.md ")'

# ---- Unreadable, vanished, not a file ----------------------------------

write good.md '使用Go编写\n'
mkdir dir.md
tl --format gcc "${sel[@]}" gone.md good.md
check "a vanished file is reported, the others linted, exit 2" \
	eval 'status_is 2 && err_has "gone.md" && out_has "good.md:1:"'
tl --fix --format gcc "${sel[@]}" gone.md good.md
check "--fix: a vanished file is reported, the others fixed" \
	eval 'status_is 2 && err_has "gone.md" && same_bytes good.md "使用 Go 编写\n"'
write good2.md '使用Go编写\n'
tl --format gcc "${sel[@]}" good2.md dir.md/
check "a folder without Markdown files is no error, the file linted" \
	eval 'status_is 0 && out_has "good2.md:1:"'
if [ "$(id -u)" != 0 ]; then
	write locked.md '使用Go编写\n'
	chmod 000 locked.md
	tl --format gcc "${sel[@]}" locked.md good2.md
	check "an unreadable file is reported, the others linted, exit 2" \
		eval 'status_is 2 && err_has "locked.md" && out_has "good2.md:1:"'
	chmod 644 locked.md
else
	ok "an unreadable file is reported # SKIP running as root"
fi
mkfifo fifo.md 2>/dev/null && {
	# A FIFO named explicitly must not hang the run: either it is read
	# (empty, as nobody writes) or refused. Open it for writing in the
	# background so that a reader is never stuck.
	(exec 3>fifo.md; sleep 1) &
	timeout 20 "$TRANSLINT" --format gcc "${sel[@]}" fifo.md good2.md >out 2>err
	status=$?
	wait
	check "a FIFO does not hang the run, the others linted" \
		eval '[ "$status" != 124 ] && out_has "good2.md:1:"'
	rm -f fifo.md
}

# ---- Never rewritten ---------------------------------------------------

printf 'abc\377使用Go编写\n' >bad.md
printf 'a\000b使用Go编写\n' >bin.md
printf '\357\273\277使用Go\200编写\r\n' >badbom.md
for f in bad.md bin.md badbom.md; do cp "$f" "$f.orig"; done
inodes=$(ls -i bad.md bin.md badbom.md)
tl --fix --unsafe-fixes "${sel[@]}" bad.md bin.md badbom.md
check "--fix --unsafe-fixes never rewrites invalid UTF-8 or binary files" \
	eval 'status_is 1 && cmp -s bad.md bad.md.orig &&
		cmp -s bin.md bin.md.orig && cmp -s badbom.md badbom.md.orig &&
		[ "$(ls -i bad.md bin.md badbom.md)" = "$inodes" ]'
tl --fix "${sel[@]}" --disable invalid-utf8 --disable binary-file bad.md bin.md
check "... not even with the encoding rules turned off" \
	eval '[ "$status" -le 1 ] && cmp -s bad.md bad.md.orig &&
		cmp -s bin.md bin.md.orig'

finish
