#!/usr/bin/env bash
# alignment.sh: --source ORIGINAL --print-alignment, the debugging view of
# which block of a translation renders which block of its original
# (src/align.h; docs/alignment.md).
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

write en.md '# Backups\n\nInstall `restic` first.\n\nA paragraph the translator dropped.\n\nThen run `restic init`.\n'
write zh.md '# 备份\n\n先安装 `restic`。\n\n然后运行 `restic init`。\n'

tl --source en.md --print-alignment zh.md
# The costs are the model's and change when it is tuned: the lines are
# checked but for them.
check "--print-alignment prints each pair with its lines and excerpts" \
	eval 'status_is 0 && err_empty &&
		sed "s/cost -\{0,1\}[0-9]*\.[0-9][0-9]$/cost C/" out >shape &&
		same_bytes shape "1-1 1 ↔ 1  heading  cost C\n    - # Backups\n    + # 备份\n1-1 3 ↔ 3  paragraph  cost C\n    - Install \`restic\` first.\n    + 先安装 \`restic\`。\n1-0 5 ↔ -  paragraph  cost C\n    - A paragraph the translator dropped.\n1-1 7 ↔ 5  paragraph  cost C\n    - Then run \`restic init\`.\n    + 然后运行 \`restic init\`。\n"'
check "a dropped paragraph is a 1-0 pair with its original line" \
	eval 'out_has "^1-0 5 ↔ -  paragraph  cost " &&
		out_has "^    - A paragraph the translator dropped.$"'
check "the pairs after the drop keep their lines" \
	eval 'out_has "^1-1 7 ↔ 5  paragraph  cost "'

tl_in '# 备份\n\n先安装 `restic`。\n' --source en.md --print-alignment --stdin
check "--print-alignment --stdin reads the translation from standard input" \
	eval 'status_is 0 && out_has "^1-1 3 ↔ 3  paragraph" && out_has "^1-0 7 ↔ -"'

tl --print-alignment zh.md
check "--print-alignment without --source is a usage error" \
	eval 'status_is 2 && err_has "needs --source"'
tl --source en.md --print-alignment
check "--print-alignment without a file is a usage error" \
	eval 'status_is 2 && err_has "takes one translated file"'
tl --source en.md --print-alignment zh.md en.md
check "--print-alignment with two files is a usage error" eval 'status_is 2'
tl --source en.md --print-alignment --format json zh.md
check "--print-alignment takes no --format" eval 'status_is 2'
tl --source en.md --select source-missing --format gcc --no-color zh.md
check "--source without --print-alignment lints with the original" \
	eval 'status_is 0 && out_has "^zh.md:5:1: warning: Line 5 of the original (paragraph) has no translation"'
tl --source missing.md --print-alignment zh.md
check "an original that cannot be read: a clear error, exit 2" \
	eval 'status_is 2 && err_has "missing.md" && out_empty'
printf 'abc\377\n' >bad.md
tl --source bad.md --print-alignment zh.md
check "an original that is not UTF-8: an error at its line and column" \
	eval 'status_is 2 && err_has "bad.md:1:4: not valid UTF-8"'

finish
