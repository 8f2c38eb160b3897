#!/usr/bin/env bash
# lsp.sh: `translint lsp` driven as an editor drives it (DESIGN.md
# section 6): a scripted client in Python speaks Content-Length framed
# JSON-RPC over pipes and checks initialize (position encoding
# negotiation), publishDiagnostics on open, change and close, code actions
# (quick fixes and fix-all), configuration found from the document's
# path, errors for malformed and unknown messages, shutdown and exit;
# and a translation with its original (DESIGN.md 8.4): source findings
# with relatedInformation as the translator types, hover showing the
# original block, the original read from git at initializationOptions'
# sourceRev.
# The document starts with U+20000 (2 UTF-16 code units, 4 bytes) and CJK
# characters, so a position in the wrong unit fails.
# shellcheck source=tests/cli/common.bash
. "$(dirname "$0")/common.bash"

if ! command -v python3 >/dev/null 2>&1; then
	ok "lsp: scripted client # skip python3 not installed"
	finish
fi

mkdir -p proj/quiet proj/skipped
printf 'rules:\n  space-cjk-latin: off\n' >proj/quiet/.translint.yml
printf 'ignore: ["*.md"]\n' >proj/skipped/.translint.yml
# A side-by-side pair, and an LCTT-style move in a git repository.
mkdir -p pair
printf 'extends: [translation]\nsource:\n  - {match: "(.+)\\\\.zh\\\\.md", original: "$1.en.md"}\n' \
	>pair/.translint.yml
printf 'First paragraph, version 4.15.\n\nSecond paragraph with `--force`.\n' \
	>pair/a.en.md
if command -v git >/dev/null 2>&1; then
	(
		export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
			GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com \
			GIT_CONFIG_NOSYSTEM=1 HOME=$work
		git init -q lctt && cd lctt && mkdir -p sources translated &&
			printf 'extends: [lctt]\n' >.translint.yml &&
			printf 'The original, read from git.\n' >sources/x.md &&
			git add -A && git commit -q -m base && git tag base &&
			git mv sources/x.md translated/x.md &&
			printf '从 git 读出的原文。\n' >translated/x.md &&
			git commit -q -am translated
	) || exit 2
fi

python3 - "$TRANSLINT" "$work" <<'PY'
import json, os, select, subprocess, sys

translint, work = sys.argv[1], sys.argv[2]
failures = 0
# Seconds to wait for an answer or an exit: a working server answers at
# once; under valgrind (TL_UNDER_VALGRIND) start-up and the leak check at
# exit take seconds on a loaded machine.
WAIT = 120 if os.environ.get("TL_UNDER_VALGRIND") else 10

def report(name, cond, why=""):
    global failures
    if cond:
        print("ok - lsp: " + name)
    else:
        failures += 1
        print("not ok - lsp: %s: %s" % (name, why))
    sys.stdout.flush()

class Server:
    def __init__(self):
        self.p = subprocess.Popen([translint, "lsp"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, cwd=work)
        self.buf = b""
        self.next_id = 0

    def send_raw(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method,
                   "params": params})
        return self.next_id

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def _fill(self, timeout=WAIT):
        r, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not r:
            raise TimeoutError("no answer from the server")
        chunk = os.read(self.p.stdout.fileno(), 65536)
        if not chunk:
            raise EOFError("the server closed its output")
        self.buf += chunk

    def read(self):
        while b"\r\n\r\n" not in self.buf:
            self._fill()
        head, rest = self.buf.split(b"\r\n\r\n", 1)
        length = None
        for line in head.split(b"\r\n"):
            k, _, v = line.partition(b":")
            if k.strip().lower() == b"content-length":
                length = int(v)
        while len(rest) < length:
            self.buf = head + b"\r\n\r\n" + rest
            self._fill()
            head, rest = self.buf.split(b"\r\n\r\n", 1)
        self.buf = rest[length:]
        return json.loads(rest[:length])

    def wait_for(self, pred):
        for _ in range(50):
            m = self.read()
            if pred(m):
                return m
        raise RuntimeError("message not found")

    def response(self, id):
        return self.wait_for(lambda m: m.get("id") == id and "method" not in m)

    def diagnostics(self, uri):
        return self.wait_for(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri)["params"]

def uri_of(path):
    return "file://" + os.path.join(work, path).replace(" ", "%20")

TEXT = "# 标题\n\n\U00020000中文Go\n"

def session(encodings):
    s = Server()
    caps = {"general": {"positionEncodings": encodings}} if encodings else {}
    rid = s.request("initialize", {"processId": None, "rootUri": None,
                                   "capabilities": caps})
    init = s.response(rid)
    s.notify("initialized", {})
    return s, init

try:
    # ---- UTF-16 (the default) ----
    s, init = session(None)
    caps = init["result"]["capabilities"]
    report("utf-16 when utf-8 is not offered",
           caps.get("positionEncoding") == "utf-16", caps)
    report("full sync with open/close and save",
           caps["textDocumentSync"]["change"] == 1
           and caps["textDocumentSync"]["openClose"] is True
           and "save" in caps["textDocumentSync"], caps)
    kinds = caps["codeActionProvider"]["codeActionKinds"]
    report("code action kinds quickfix and source.fixAll",
           "quickfix" in kinds and "source.fixAll" in kinds, kinds)

    uri = uri_of("a b.md")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": TEXT}})
    p = s.diagnostics(uri)
    d = [x for x in p["diagnostics"] if x["code"] == "space-cjk-latin"]
    report("didOpen publishes diagnostics with code = rule",
           len(d) == 1 and d[0]["source"] == "translint"
           and d[0]["severity"] == 2 and d[0]["message"], p)
    report("codeDescription links the rule's page",
           d and d[0]["codeDescription"]["href"].endswith(
               "/docs/rules/space-cjk-latin.md"), d)
    report("range in UTF-16 code units",
           d and d[0]["range"] == {"start": {"line": 2, "character": 3},
                                   "end": {"line": 2, "character": 5}},
           d and d[0]["range"])

    rid = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 2, "character": 4},
                  "end": {"line": 2, "character": 4}},
        "context": {"diagnostics": d}})
    actions = s.response(rid)["result"]
    qf = [a for a in actions if a["kind"] == "quickfix"]
    report("codeAction: a quick fix with the fix's edit",
           len(qf) == 1 and qf[0]["edit"]["changes"][uri] ==
           [{"range": {"start": {"line": 2, "character": 4},
                       "end": {"line": 2, "character": 4}},
             "newText": " "}], actions)
    fa = [a for a in actions if a["kind"].startswith("source.fixAll")]
    report("codeAction: fix-all replaces the document with the fixed text",
           len(fa) == 1 and fa[0]["edit"]["changes"][uri][0]["newText"]
           == "# 标题\n\n\U00020000中文 Go\n"
           and fa[0]["edit"]["changes"][uri][0]["range"]["end"]
           == {"line": 3, "character": 0}, fa)
    rid = s.request("textDocument/codeAction", {
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    actions = s.response(rid)["result"]
    report("codeAction: context.only filters the kinds",
           [a["kind"] for a in actions] == ["source.fixAll.translint"],
           actions)

    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"text": "中文 Go\n"}]})
    p = s.diagnostics(uri)
    report("didChange relints the new text",
           p["diagnostics"] == [] and p.get("version") == 2, p)
    s.notify("textDocument/didSave", {"textDocument": {"uri": uri},
                                      "text": "中文Go\n"})
    p = s.diagnostics(uri)
    report("didSave with text relints", len(p["diagnostics"]) == 1, p)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    p = s.diagnostics(uri)
    report("didClose clears the diagnostics", p["diagnostics"] == [], p)

    # ---- configuration from the document's path ----
    quiet = uri_of("proj/quiet/b.md")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": quiet, "languageId": "markdown", "version": 1,
        "text": TEXT}})
    p = s.diagnostics(quiet)
    report("configuration found from the document's path",
           not [x for x in p["diagnostics"]
                if x["code"] == "space-cjk-latin"], p)
    # The configuration file changes while the document is open: the
    # next lint reads it again (the server keeps what it loaded only as
    # long as the file stays the same).
    with open(os.path.join(work, "proj/quiet/.translint.yml"), "w") as f:
        f.write("rules:\n  space-cjk-latin: error\n")
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": quiet, "version": 2},
        "contentChanges": [{"text": TEXT}]})
    p = s.diagnostics(quiet)
    report("a changed configuration file is read again",
           [x for x in p["diagnostics"]
            if x["code"] == "space-cjk-latin" and x["severity"] == 1], p)
    with open(os.path.join(work, "proj/quiet/.translint.yml"), "w") as f:
        f.write("rules:\n  space-cjk-latin: off\n")
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": quiet, "version": 3},
        "contentChanges": [{"text": TEXT}]})
    p = s.diagnostics(quiet)
    report("and again when it changes back",
           not [x for x in p["diagnostics"]
                if x["code"] == "space-cjk-latin"], p)
    skipped = uri_of("proj/skipped/c.md")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": skipped, "languageId": "markdown", "version": 1,
        "text": TEXT}})
    p = s.diagnostics(skipped)
    report("a file ignore: names gets no diagnostics", p["diagnostics"] == [], p)

    # ---- A translation with its original ----
    report("hoverProvider advertised", caps.get("hoverProvider") is True,
           caps)
    zh = uri_of("pair/a.zh.md")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": zh, "languageId": "markdown", "version": 1,
        "text": "第一段，版本 4.15。\n"}})
    p = s.diagnostics(zh)
    miss = [x for x in p["diagnostics"] if x["code"] == "source-missing"]
    report("source findings with the original as relatedInformation",
           len(miss) == 1 and miss[0]["relatedInformation"][0]["location"]
           == {"uri": uri_of("pair/a.en.md"),
               "range": {"start": {"line": 2, "character": 0},
                         "end": {"line": 2, "character": 32}}}, p)
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": zh, "version": 2},
        "contentChanges": [{"text": "第一段，版本 4.15。\n\n"
                            "第二段，带有 `--force`。\n\n新加的一段。\n"}]})
    p = s.diagnostics(zh)
    codes = sorted(x["code"] for x in p["diagnostics"]
                   if x["code"].startswith("source"))
    report("source findings follow the typing (the paragraph is back)",
           codes == ["source-missing"] and [x for x in p["diagnostics"]
           if x["code"] == "source-missing"][0]["severity"] == 3, p)
    rid = s.request("textDocument/hover", {"textDocument": {"uri": zh},
                                           "position": {"line": 2,
                                                        "character": 3}})
    h = s.response(rid)["result"]
    report("hover on a translated block shows its original block",
           h and h["contents"]["kind"] == "markdown"
           and h["contents"]["value"].endswith(
               "`pair/a.en.md:3`\n\nSecond paragraph with `--force`.")
           and h["range"] == {"start": {"line": 2, "character": 0},
                              "end": {"line": 2, "character": 17}}, h)
    rid = s.request("textDocument/hover", {"textDocument": {"uri": zh},
                                           "position": {"line": 4,
                                                        "character": 1}})
    h = s.response(rid)["result"]
    report("hover on added text: no original",
           h and "none" in h["contents"]["value"], h)
    rid = s.request("textDocument/hover", {"textDocument": {"uri": uri_of("proj/quiet/b.md")},
                                           "position": {"line": 0,
                                                        "character": 0}})
    report("hover without an original: null",
           s.response(rid)["result"] is None)
    s.notify("textDocument/didClose", {"textDocument": {"uri": zh}})
    s.diagnostics(zh)

    if os.path.isdir(os.path.join(work, "lctt")):
        g = Server()
        rid = g.request("initialize", {"processId": None, "rootUri": None,
                                       "capabilities": {},
                                       "initializationOptions":
                                       {"sourceRev": "base"}})
        g.response(rid)
        x = uri_of("lctt/translated/x.md")
        g.notify("textDocument/didOpen", {"textDocument": {
            "uri": x, "languageId": "markdown", "version": 1,
            "text": "从 git 读出的原文。\n"}})
        g.diagnostics(x)
        rid = g.request("textDocument/hover", {"textDocument": {"uri": x},
                                               "position": {"line": 0,
                                                            "character": 1}})
        h = g.response(rid)["result"]
        report("sourceRev: the original moved away is read from git",
               h and h["contents"]["value"].endswith(
                   "`base:sources/x.md:1`\n\nThe original, read from git."),
               h)
        g.p.stdin.close()
        g.p.wait(timeout=WAIT)

    # ---- errors ----
    s.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    m = s.read()
    report("malformed JSON: -32700 Parse error",
           m.get("error", {}).get("code") == -32700 and m["id"] is None, m)
    rid = s.request("no/such/method", {})
    m = s.response(rid)
    report("unknown method: -32601",
           m.get("error", {}).get("code") == -32601, m)
    s.send_raw(b"X-Nonsense: 1\r\n\r\n")
    m = s.read()
    report("a frame without Content-Length: an error, no crash",
           m.get("error", {}).get("code") == -32700, m)
    s.send({"jsonrpc": "2.0", "id": "str-id", "method": 5})
    m = s.read()
    report("invalid request: -32600 echoing a string id",
           m.get("error", {}).get("code") == -32600 and m["id"] == "str-id",
           m)
    s.send_raw(b"Content-Length: 6\r\n\r\n[[[[[[")
    m = s.read()
    report("truncated JSON: -32700", m.get("error", {}).get("code") == -32700, m)

    # ---- wrong Content-Length (issue 12.10): never deaf ----
    def body_of(obj):
        return json.dumps(obj).encode()
    def ping():
        s.next_id += 1
        return s.next_id, body_of({"jsonrpc": "2.0", "id": s.next_id,
                                   "method": "shutdown-probe"})
    def answered(rid):
        m = s.response(rid)
        return m.get("error", {}).get("code") == -32601, m
    # Too small: the rest of the body runs into the next header.
    rid, b = ping()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(b) - 5) + b)
    rid2, b2 = ping()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % len(b2) + b2)
    ok, m = answered(rid2)
    report("Content-Length too small: the next message is answered", ok, m)
    # Too big, then a message at once: both answered.
    rid, b = ping()
    rid2, b2 = ping()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(b) + 40) + b +
               b"Content-Length: %d\r\n\r\n" % len(b2) + b2)
    ok, m = answered(rid)
    report("Content-Length too big: that message is answered", ok, m)
    ok, m = answered(rid2)
    report("Content-Length too big: the next message is answered", ok, m)
    # Too big and nothing after it: answered without waiting.
    rid, b = ping()
    s.send_raw(b"Content-Length: %d\r\n\r\n" % (len(b) + 1000) + b)
    ok, m = answered(rid)
    report("Content-Length too big, last message: answered", ok, m)
    for name, head in [("missing", b"Content-Type: x\r\n\r\n"),
                       ("negative", b"Content-Length: -5\r\n\r\n"),
                       ("10^12", b"Content-Length: 1000000000000\r\n\r\n"),
                       ("not a number", b"Content-Length: ten\r\n\r\n")]:
        rid, b = ping()
        s.send_raw(head + b)
        m = s.read()
        report("Content-Length %s: a -32700 error" % name,
               m.get("error", {}).get("code") == -32700, m)
        ok, m = answered(rid)
        report("Content-Length %s: the body is still answered" % name, ok, m)
        rid2, b2 = ping()
        s.send_raw(b"Content-Length: %d\r\n\r\n" % len(b2) + b2)
        ok, m = answered(rid2)
        report("Content-Length %s: the next message is answered" % name,
               ok, m)
    # A document with thousands of findings: the list is capped.
    many = uri_of("many.md")
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": many, "languageId": "markdown", "version": 1,
        "text": "使用Go编写。\n\n" * 3000}})
    p = s.diagnostics(many)
    report("diagnostics capped at 1,000 and a note",
           len(p["diagnostics"]) == 1001 and
           "1000 of " in p["diagnostics"][-1]["message"],
           len(p["diagnostics"]))

    rid = s.request("textDocument/codeAction", {
        "textDocument": {"uri": "file:///nowhere.md"},
        "range": {"start": {"line": 0, "character": 0},
                  "end": {"line": 0, "character": 0}}, "context": {}})
    m = s.response(rid)
    report("codeAction on an unknown document: []", m.get("result") == [], m)

    rid = s.request("shutdown", None)
    m = s.response(rid)
    report("shutdown answers null", "result" in m and m["result"] is None, m)
    s.notify("exit", None)
    rc = s.p.wait(timeout=WAIT)
    report("exit after shutdown: status 0", rc == 0, rc)

    # ---- UTF-8 when offered ----
    s, init = session(["utf-16", "utf-8"])
    report("utf-8 when the client offers it",
           init["result"]["capabilities"]["positionEncoding"] == "utf-8",
           init)
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": TEXT}})
    p = s.diagnostics(uri)
    d = [x for x in p["diagnostics"] if x["code"] == "space-cjk-latin"]
    report("range in UTF-8 bytes",
           d and d[0]["range"] == {"start": {"line": 2, "character": 7},
                                   "end": {"line": 2, "character": 11}},
           d and d[0]["range"])
    s.p.stdin.close()
    rc = s.p.wait(timeout=WAIT)
    report("end of input without shutdown: status 1", rc == 1, rc)
except Exception as e:  # a hang or a crash fails the script, not the suite
    report("scripted client ran to the end", False, repr(e))

sys.exit(1 if failures else 0)
PY
status=$?
[ "$status" -eq 0 ] || failures=$((failures + 1))
finish
