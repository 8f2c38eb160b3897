# common.bash: what every command-line test script shares (sourced, not
# run: tests/run.sh runs tests/cli/*.sh only).
#
# A script sources this, then runs cases. Each case prints one line,
# "ok - NAME" or "not ok - NAME: reason". The script works in a fresh
# temporary folder, removed at exit, and exits 1 when a case failed.
#
# TRANSLINT is the binary under test (default ./translint, made absolute
# so that the scripts may change folder).

set -u

: "${TRANSLINT:=./translint}"
if [[ $TRANSLINT == */* && $TRANSLINT != /* ]]; then
	TRANSLINT=$PWD/$TRANSLINT
fi

# English messages and no colour whatever the caller's environment.
unset LC_ALL LC_MESSAGES LANGUAGE NO_COLOR
export LANG=C

work=$(mktemp -d "${TMPDIR:-/tmp}/translint-cli.XXXXXX") || exit 2
# Folders a case made unreadable must be removable.
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 2

failures=0

ok()
{
	echo "ok - $1"
}

not_ok()
{
	echo "not ok - $1: $2"
	failures=$((failures + 1))
}

# check NAME COMMAND...: ok when COMMAND succeeds, else not ok with the
# last words of stderr and stdout of the last translint run as reason.
check()
{
	local name=$1
	shift
	if "$@"; then
		ok "$name"
	else
		not_ok "$name" "$(why)"
	fi
}

# What the last run did, on one line, for failure reasons.
why()
{
	printf 'status %s; stdout: %s; stderr: %s' "$status" \
		"$(head -c 300 out 2>/dev/null | tr '\n' '|')" \
		"$(head -c 300 err 2>/dev/null | tr '\n' '|')"
}

# tl ARGS...: runs translint, stdout to ./out, stderr to ./err, status to
# $status. Standard input is /dev/null unless redirected by the caller.
status=
tl()
{
	"$TRANSLINT" "$@" >out 2>err
	status=$?
}

# tl_in TEXT ARGS...: the same with TEXT (printf format) on stdin.
tl_in()
{
	local text=$1
	shift
	# shellcheck disable=SC2059 # TEXT is a format on purpose
	printf "$text" | "$TRANSLINT" "$@" >out 2>err
	status=$?
}

status_is()
{
	[ "$status" = "$1" ]
}

out_has()
{
	grep -q -e "$1" out
}

err_has()
{
	grep -q -e "$1" err
}

out_empty()
{
	! [ -s out ]
}

err_empty()
{
	! [ -s err ]
}

# write FILE TEXT: FILE holds exactly TEXT (printf format).
write()
{
	# shellcheck disable=SC2059
	printf "$2" >"$1"
}

# same_bytes FILE TEXT: FILE holds exactly TEXT.
same_bytes()
{
	# shellcheck disable=SC2059
	printf "$2" | cmp -s - "$1"
}

# The permission bits and type as ls shows them ("-rw-r-----").
mode_of()
{
	ls -ld "$1" | cut -c1-10
}

finish()
{
	[ "$failures" -eq 0 ]
	exit $?
}
