#!/usr/bin/env bash
# walk.sh: which files a run lints: folders walked for *.md and
# *.markdown in sorted order, .git and node_modules skipped, explicit
# paths always linted, each file once, no endless symbolic-link loops;
# and output that is the same whatever -j is.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

sel=(--select space-cjk-latin -f gcc)

# paths: the files the last run reported, in order, each once.
paths()
{
	cut -d: -f1 out | uniq
}

mkdir -p tree/sub tree/.git tree/node_modules/pkg tree/.github tree/b
for f in tree/b.md tree/a.md tree/sub/c.markdown tree/.git/x.md \
	tree/node_modules/pkg/y.md tree/.github/z.md tree/notes.txt \
	tree/b/inner.md; do
	write "$f" '使用Go编写\n'
done

tl "${sel[@]}" tree
check "a folder is walked in byte order, .git and node_modules skipped" \
	eval '[ "$(paths | tr "\n" " ")" = "tree/.github/z.md tree/a.md tree/b/inner.md tree/b.md tree/sub/c.markdown " ]'
check "files other than *.md and *.markdown are not walked" \
	eval '! out_has notes.txt'

(cd tree && "$TRANSLINT" "${sel[@]}" >../out 2>../err)
check "no path lints the current folder, paths without ./" \
	eval 'paths | grep -qx a.md && paths | grep -qx sub/c.markdown'

tl "${sel[@]}" tree/notes.txt
check "a file named explicitly is linted whatever its name" \
	eval 'paths | grep -qx tree/notes.txt'
tl "${sel[@]}" tree/node_modules/pkg
check "a skipped folder named explicitly is linted" \
	eval 'paths | grep -qx tree/node_modules/pkg/y.md'

"$TRANSLINT" "${sel[@]}" tree/a.md >once 2>/dev/null
tl "${sel[@]}" tree/a.md tree/a.md tree
check "each file is linted once" \
	eval '[ -s once ] && [ "$(grep -c "^tree/a.md:" out)" = "$(grep -c "" once)" ]'
check "files come in the order given" \
	eval '[ "$(paths | head -n 1)" = tree/a.md ]'

mkdir -p loop/sub
write loop/sub/a.md '使用Go编写\n'
ln -s .. loop/sub/up
ln -s ../sub loop/sub/self
ln -s nowhere.md loop/dangling.md
tl "${sel[@]}" loop
check "symbolic-link loops end, dangling links are skipped" \
	eval 'status_is 0 && [ "$(paths | tr "\n" " ")" = "loop/sub/a.md " ]'

# Links out of the walked tree are not followed (issue 12): --fix on a
# folder never rewrites a file outside it. Links inside it are.
mkdir -p outside proj/docs
write outside/o.md '使用Go编写\n'
mkdir outside/dir
write outside/dir/d.md '使用Go编写\n'
write proj/docs/in.md '使用Go编写\n'
ln -s ../../outside/o.md proj/docs/out.md
ln -s ../../outside/dir proj/docs/outdir
ln -s "$PWD/outside/o.md" proj/docs/abs.md
ln -s in.md proj/docs/alias.md
ln -s docs proj/docsdir
tl "${sel[@]}" proj
check "a walk does not follow links out of the tree, follows those inside" \
	eval 'status_is 0 && [ "$(paths | tr "\n" " ")" = "proj/docs/alias.md " ]'
tl --fix "${sel[@]}" proj
check "--fix on a folder leaves the targets of links out of it alone" \
	eval 'same_bytes outside/o.md "使用Go编写\n" &&
		same_bytes outside/dir/d.md "使用Go编写\n" &&
		same_bytes proj/docs/in.md "使用 Go 编写\n"'
tl --fix "${sel[@]}" proj/docs/out.md
check "a link named explicitly is still fixed (its target)" \
	eval 'status_is 0 && same_bytes outside/o.md "使用 Go 编写\n" &&
		[ -L proj/docs/out.md ]'
write outside/o.md '使用Go编写\n'
write proj/docs/new.md '使用Go编写\n'
ln -s proj linked-proj
tl "${sel[@]}" linked-proj
check "a walk from a link to a folder stays inside its target" \
	eval 'status_is 0 && [ "$(paths | tr "\n" " ")" = "linked-proj/docs/new.md " ]'

# .gitignore (issue 13): a walk inside a git repository skips what git
# ignores; files named explicitly, and --no-gitignore, are linted.
mkdir -p gi/.git/info gi/build gi/sub/deep gi/notes
printf 'build/\n*.tmp.md\n!keep.tmp.md\n# a comment\n\nnotes\n' >gi/.gitignore
printf 'local.md\n' >gi/sub/.gitignore
printf 'private.md\n' >gi/.git/info/exclude
for f in a.md build/b.md x.tmp.md keep.tmp.md sub/local.md sub/deep/local.md \
	sub/s.md sub/y.tmp.md private.md notes/n.md; do
	write "gi/$f" '使用Go编写\n'
done
tl "${sel[@]}" gi
check "a walk skips what .gitignore and .git/info/exclude ignore" \
	eval 'status_is 0 && [ "$(paths | tr "\n" " ")" = "gi/a.md gi/keep.tmp.md gi/sub/s.md " ]'
tl "${sel[@]}" gi/sub
check "... also when it starts below the repository's top" \
	eval '[ "$(paths | tr "\n" " ")" = "gi/sub/s.md " ]'
tl "${sel[@]}" gi/build gi/x.tmp.md
check "a folder or a file named explicitly is linted though git ignores it" \
	eval '[ "$(paths | tr "\n" " ")" = "gi/build/b.md gi/x.tmp.md " ]'
tl "${sel[@]}" --no-gitignore gi
check "--no-gitignore walks everything" \
	eval '[ "$(paths | wc -l)" = 10 ]'
mv gi/.git gi/not-git
tl "${sel[@]}" gi
check "outside a git repository .gitignore means nothing" \
	eval '[ "$(paths | wc -l)" = 10 ]'
mv gi/not-git gi/.git

mkdir empty
tl "${sel[@]}" empty
check "a folder without Markdown: exit 0 and a warning" \
	eval 'status_is 0 && out_empty && err_has "no Markdown files"'

tl "${sel[@]}" no-such-folder tree/a.md
check "a missing path is an error, the others are still linted" \
	eval 'status_is 2 && err_has "no-such-folder" && paths | grep -qx tree/a.md'

# ---- -j -------------------------------------------------------------------

mkdir many
for i in $(seq 10 49); do
	{
		printf '# 第%d篇\n\n' "$i"
		for k in $(seq 1 $((i % 7 + 1))); do
			printf '第%d段使用Go编写了%d个程序\n\n' "$k" "$i"
		done
	} >"many/f$i.md"
done
write many/bad.md 'x\377\n'
for fmt in text gcc json; do
	"$TRANSLINT" -j 1 -f "$fmt" many >"j1.$fmt" 2>&1
	s1=$?
	for j in 2 4 16; do
		"$TRANSLINT" -j "$j" -f "$fmt" many >"j$j.$fmt" 2>&1
		s=$?
		if ! cmp -s "j1.$fmt" "j$j.$fmt" || [ "$s" != "$s1" ]; then
			break
		fi
	done
	status=$s
	check "-j 1, 2, 4, 16 give identical $fmt output" \
		eval 'cmp -s j1.$fmt j$j.$fmt && [ "$s" = "$s1" ] && [ -s j1.$fmt ]'
done

finish
