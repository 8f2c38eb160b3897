#!/usr/bin/env bash
# emacs.sh: the Emacs snippets of docs/integrations.md, run by Emacs in
# batch mode when it is installed (Debian package emacs-nox or emacs):
# - translint-compile (`compile` with the gcc format): `next-error` lands
#   on the first character of the problem;
# - eglot with `translint lsp` (built in since Emacs 29; Debian 12's
#   Emacs 28 needs elpa-eglot, and elpa-markdown-mode for markdown-mode):
#   the flymake diagnostic lands on the same character.
# The document has a 4-byte, double-width character and a CJK one before
# the span, so characters, bytes, UTF-16 units and screen columns differ.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v emacs >/dev/null 2>&1; then
	ok "emacs: compile and next-error # SKIP emacs not installed"
	ok "emacs: eglot and flymake # SKIP emacs not installed"
	finish
fi

export HOME=$work
mkdir bin
ln -s "$TRANSLINT" bin/translint
export PATH=$work/bin:$PATH
printf '# 标题\n\n\360\240\200\200中文Go\n' >a.md

# result_has LINE: result.txt has LINE; if not, result.txt (or without
# it, what the editor said) is the reason.
result_has()
{
	grep -qx -e "$1" result.txt 2>/dev/null || {
		: >out
		{ tr '\n' '|' <result.txt || cat emacs.out; } >err 2>/dev/null
		false
	}
}

# where.el: writes "where LINE CHARS CHAR" for point (CHARS: characters
# from the start of the line) to result.txt.
cat >where.el <<'EL'
(defun test-where (tag)
  (write-region
   (format "%s %d %d %s\n" tag (line-number-at-pos)
           (- (point) (line-beginning-position))
           (if (char-after) (char-to-string (char-after)) "EOF"))
   nil "result.txt" t))
EL

# The snippet of docs/integrations.md, word for word.
cat >compile.el <<'EL'
(defun translint-compile ()
  "Run translint on the current file; `next-error' visits the problems."
  (interactive)
  (with-current-buffer
      (compile (concat "translint --format gcc "
                       (shell-quote-argument (buffer-file-name))))
    ;; translint counts characters; Emacs would count screen columns,
    ;; two for a CJK character.
    (setq-local compilation-error-screen-columns nil)))
EL

cat >test-compile.el <<'EL'
(find-file "a.md")
(translint-compile)
(let ((buf (get-buffer "*compilation*")) (n 0))
  (while (and (< n 300) (get-buffer-process buf))
    (accept-process-output nil 0.1)
    (setq n (1+ n))))
(next-error)
(test-where (concat "compile " (buffer-name)))
EL

rm -f result.txt
timeout 60 emacs --batch -l where.el -l compile.el -l test-compile.el \
	>emacs.out 2>&1 </dev/null
status=$?
check "emacs: compile ran and quit" eval '[ "$status" -eq 0 ] &&
	[ -f result.txt ] || { cat emacs.out >err; false; }'
# 文 is character 2 (0-based) of "𠀀中文Go", screen column 4.
check "emacs: next-error lands on the problem" \
	result_has 'compile a.md 3 2 文'

# eglot: Emacs activates the installed packages at start, but not in
# batch mode, hence package-activate-all.
cat >probe.el <<'EL'
(package-activate-all)
(princ (if (and (require 'eglot nil t) (fboundp 'markdown-mode)) "yes" "no"))
EL
if [ "$(timeout 60 emacs --batch -l probe.el 2>/dev/null)" != yes ]; then
	ok "emacs: eglot and flymake # SKIP eglot or markdown-mode not installed"
	finish
fi

# The snippet of docs/integrations.md, word for word.
cat >eglot.el <<'EL'
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '(markdown-mode . ("translint" "lsp"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
EL

# eglot-ensure connects after the current command, from
# post-command-hook, which batch mode never runs by itself.
cat >test-eglot.el <<'EL'
(find-file "a.md")
(run-hooks 'post-command-hook)
(let ((n 0))
  (while (and (< n 300)
              (not (and (bound-and-true-p flymake-mode)
                        (flymake-diagnostics))))
    (accept-process-output nil 0.1)
    (setq n (1+ n))))
(dolist (d (flymake-diagnostics))
  (goto-char (flymake-diagnostic-beg d))
  (test-where (format "eglot %s" (flymake-diagnostic-type d)))
  (write-region (concat (flymake-diagnostic-text d) "\n")
                nil "result.txt" t))
(eglot-shutdown (eglot-current-server))
EL

rm -f result.txt
timeout 60 emacs --batch --eval '(package-activate-all)' -l where.el \
	-l eglot.el -l test-eglot.el >emacs.out 2>&1 </dev/null
status=$?
check "emacs: eglot ran and quit" eval '[ "$status" -eq 0 ] &&
	[ -f result.txt ] || { cat emacs.out >err; false; }'
check "emacs: the flymake diagnostic lands on the problem" \
	result_has 'eglot eglot-warning 3 2 文'
check "emacs: with the rule and the message" \
	result_has 'translint \[space-cjk-latin\]: Missing space between Chinese and English'
finish
