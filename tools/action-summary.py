#!/usr/bin/env python3
"""action-summary.py: the GitHub job summary of the Action (tools/action.sh).

Reads translint's json output on standard input and writes Markdown to
standard output: the totals, the findings per rule (each rule linked to its
page), and every finding GitHub did not show as an annotation. GitHub shows
the first 10 error, 10 warning and 10 notice annotations of a step (and 50
of a job); translint prints its annotations in the order of the json
output, so the findings past the tenth of their kind are the ones missing.

    action-summary.py [--base REV] [--blob URL] < translint.json

--base names the revision the lines were compared with; --blob is the
address that a path and "#L<line>" complete into a link to the line
($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$SHA/).
"""
import argparse
import json
import sys
import urllib.parse

ANNOTATIONS_PER_KIND = 10
# GitHub takes at most 1 MiB of summary per step; stop listing well before.
MAX_LISTED = 1000
KIND = {"error": "error", "warning": "warning", "info": "notice"}


def cell(text):
    """TEXT in a Markdown table cell: no markup, no line break."""
    out = []
    for c in str(text):
        if c in "\\`*_[]<>|~#!":
            out.append("\\" + c)
        elif c in "\r\n\t":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def plural(n, word):
    return f"{n} {word}" + ("" if n == 1 else "s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="")
    ap.add_argument("--blob", default="")
    args = ap.parse_args()
    doc = json.load(sys.stdin)

    findings = [(f["path"], d) for f in doc["files"] for d in f["diagnostics"]]
    s = doc["summary"]
    infos = sum(1 for _, d in findings if d["severity"] == "info")
    where = f" on the lines changed since `{args.base[:12]}`" if args.base else ""
    print("### translint\n")
    if not findings:
        print(f"No problems in {plural(s['files'], 'Markdown file')}{where}.")
        return
    files_with = len({p for p, _ in findings})
    print(f"**{plural(len(findings), 'problem')}** "
          f"({plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}, "
          f"{plural(infos, 'info')}) in {files_with} of "
          f"{plural(s['files'], 'Markdown file')}{where}; "
          f"{s['fixable']} fixable with `translint --fix`.\n")

    per_rule = {}
    for _, d in findings:
        key = (d["rule"], d["severity"])
        per_rule.setdefault(key, [0, d.get("url")])[0] += 1
    print("| Rule | Severity | Problems |\n|---|---|---:|")
    for (rule, sev), (n, url) in sorted(per_rule.items(),
                                        key=lambda kv: (-kv[1][0], kv[0])):
        name = f"[{cell(rule)}]({url})" if url else cell(rule)
        print(f"| {name} | {sev} | {n} |")
    print()

    seen = {}
    hidden = []
    for path, d in findings:
        kind = KIND.get(d["severity"], "notice")
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] > ANNOTATIONS_PER_KIND:
            hidden.append((path, d))
    if not hidden:
        return
    print(f"#### {plural(len(hidden), 'problem')} not shown as annotations\n")
    print(f"GitHub shows {ANNOTATIONS_PER_KIND} annotations of each kind "
          "(error, warning, notice) per step; these come after them.\n")
    print("| Where | Severity | Rule | Message |\n|---|---|---|---|")
    for path, d in hidden[:MAX_LISTED]:
        place = f"{path}:{d['line']}:{d['column']}"
        if args.blob:
            url = args.blob + urllib.parse.quote(path.removeprefix("./"))
            place = f"[{cell(place)}]({url}#L{d['line']})"
        else:
            place = cell(place)
        print(f"| {place} | {d['severity']} | {cell(d['rule'])} | "
              f"{cell(d['message'])} |")
    if len(hidden) > MAX_LISTED:
        print(f"\nAnd {len(hidden) - MAX_LISTED} more: run translint locally "
              "or read the SARIF log.")


if __name__ == "__main__":
    main()
