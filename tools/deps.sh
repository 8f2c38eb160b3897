#!/bin/sh
# deps.sh: makes sure the four libraries translint builds on are installed
# (cmark, PCRE2, utf8proc, libyaml, found through pkg-config).
#
# - When pkg-config finds all four, it does nothing.
# - Otherwise, as root on a system with apt-get (Debian, Ubuntu), it
#   installs them.
# - Otherwise it prints the command that installs them here (and the
#   Fedora and Homebrew equivalents) and exits 1: installing system
#   packages is the user's call, and sudo may ask for a password.
set -eu

pkgs="libcmark libpcre2-8 libutf8proc yaml-0.1"
apt_pkgs="libcmark-dev libpcre2-dev libutf8proc-dev libyaml-dev pkg-config make gcc"

# The pkg-config modules that are missing (all of them without pkg-config).
missing()
{
	if ! command -v pkg-config >/dev/null 2>&1; then
		echo "$pkgs"
		return
	fi
	m=
	for p in $pkgs; do
		pkg-config --exists "$p" || m="$m${m:+ }$p"
	done
	echo "$m"
}

todo=$(missing)
[ -z "$todo" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps.sh: installing $apt_pkgs"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update
	# shellcheck disable=SC2086 # one word per package
	apt-get install -y $apt_pkgs
	todo=$(missing)
	[ -z "$todo" ] && exit 0
	echo "deps.sh: still missing after apt-get install: $todo" >&2
	exit 1
fi

{
	if command -v pkg-config >/dev/null 2>&1; then
		echo "translint needs these libraries, which pkg-config does not find: $todo"
	else
		echo "translint needs pkg-config and the libraries cmark, PCRE2, utf8proc and libyaml."
	fi
	echo "Install them with one of these commands, then run make again:"
	echo
	echo "  Debian, Ubuntu:  sudo apt-get update && sudo apt-get install -y $apt_pkgs"
	echo "  Fedora, RHEL:    sudo dnf install cmark-devel pcre2-devel utf8proc-devel libyaml-devel pkgconf make gcc"
	echo "  macOS:           brew install cmark pcre2 utf8proc libyaml pkg-config"
} >&2
exit 1
