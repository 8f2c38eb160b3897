// handshake.ts: drives `translint lsp` as the extension's client does,
// through Microsoft's protocol packages (vscode-languageserver-protocol on
// vscode-jsonrpc): initialize with the capabilities VS Code announces,
// diagnostics on didOpen, a quick fix through codeAction, the fixed text
// linted again after didChange, then shutdown and exit. The server is
// started by serverCommand(), the function the extension uses.
//
//   node out/test/handshake.js TRANSLINT FOLDER
//
// prints one "ok - NAME" or "not ok - NAME: reason" line per check (the
// protocol of tests/run.sh) and exits 1 when a check failed.
import { spawn } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeAction,
  CodeActionRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextEdit,
} from "vscode-languageserver-protocol/node";
import { serverCommand } from "../src/server";

let failed = 0;
function check(name: string, pass: boolean, detail?: unknown): void {
  if (pass) {
    console.log(`ok - vscode handshake: ${name}`);
  } else {
    failed++;
    console.log(
      `not ok - vscode handshake: ${name}: got ${JSON.stringify(detail)}`,
    );
  }
}

// Applies LSP edits (UTF-16 positions, as negotiated) to TEXT.
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\n") lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) =>
    lineStarts[p.line] + p.character;
  const sorted = [...edits].sort(
    (a, b) => offset(b.range.start) - offset(a.range.start),
  );
  for (const e of sorted) {
    text =
      text.slice(0, offset(e.range.start)) +
      e.newText +
      text.slice(offset(e.range.end));
  }
  return text;
}

async function main(): Promise<void> {
  const [translint, folder] = process.argv.slice(2);
  const { command, args } = serverCommand({ path: translint, args: [] });
  const child = spawn(command, args, {
    cwd: folder,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => resolve(code)),
  );
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published: PublishDiagnosticsParams[] = [];
  let wake: (() => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    wake?.();
  });
  connection.listen();
  // Under valgrind (make valgrind-test) each answer takes seconds.
  const waitMs = process.env.TL_UNDER_VALGRIND ? 120000 : 20000;
  const nextDiagnostics = (uri: string): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no publishDiagnostics within ${waitMs} ms`)),
        waitMs,
      );
      const look = () => {
        const i = published.findIndex((p) => p.uri === uri);
        if (i >= 0) {
          clearTimeout(timer);
          resolve(published.splice(i, 1)[0].diagnostics);
        }
      };
      wake = look;
      look();
    });

  const root = pathToFileURL(folder).href;
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: "Visual Studio Code", version: "1.91.0" },
    rootUri: root,
    workspaceFolders: [{ uri: root, name: "test" }],
    capabilities: {
      general: { positionEncodings: ["utf-16"] },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: true },
        publishDiagnostics: {
          relatedInformation: true,
          codeDescriptionSupport: true,
          dataSupport: true,
        },
        codeAction: {
          codeActionLiteralSupport: {
            codeActionKind: {
              valueSet: ["", "quickfix", "source", "source.fixAll"],
            },
          },
          isPreferredSupport: true,
        },
      },
    },
  });
  const caps = init.capabilities;
  check(
    "initialize: UTF-16 positions, full sync, quick fixes",
    caps.positionEncoding === "utf-16" &&
      typeof caps.textDocumentSync === "object" &&
      caps.textDocumentSync.change === 1 &&
      typeof caps.codeActionProvider === "object" &&
      (caps.codeActionProvider.codeActionKinds ?? []).includes("quickfix"),
    caps,
  );
  check(
    "initialize: the server names itself",
    init.serverInfo?.name === "translint",
    init.serverInfo,
  );
  await connection.sendNotification(InitializedNotification.type, {});

  // "𠀀" is two UTF-16 units: the span "文G" starts at UTF-16 unit 3 (it
  // would be 2 in code points) and ends at 5.
  const text = "# 标题\n\n𠀀中文Go语言\n";
  const uri = pathToFileURL(path.join(folder, "a.md")).href;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "markdown", version: 1, text },
  });
  const diags = await nextDiagnostics(uri);
  const spacing = diags.filter((d) => d.code === "space-cjk-latin");
  check(
    "didOpen: diagnostics with code = rule, source translint",
    spacing.length > 0 && spacing.every((d) => d.source === "translint"),
    diags,
  );
  const first = spacing[0];
  check(
    "didOpen: the range counts UTF-16 units",
    first?.range.start.line === 2 &&
      first?.range.start.character === 3 &&
      first?.range.end.character === 5,
    first?.range,
  );
  check(
    "didOpen: the rule is linked to its page (codeDescription)",
    first?.codeDescription?.href.endsWith("/space-cjk-latin.md") === true,
    first?.codeDescription,
  );

  const actions = (await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: first.range,
    context: { diagnostics: [first], only: ["quickfix"] },
  })) as CodeAction[] | null;
  const fix = (actions ?? []).find((a) => a.kind === "quickfix");
  const edits = fix?.edit?.changes?.[uri];
  check("codeAction: a quick fix with edits", edits !== undefined, actions);
  const fixed = applyEdits(text, edits ?? []);
  check(
    "codeAction: the fix inserts the space",
    fixed.startsWith("# 标题\n\n𠀀中文 Go"),
    fixed,
  );

  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: fixed }],
  });
  const after = await nextDiagnostics(uri);
  check(
    "didChange: the fixed place is no longer reported",
    after.length === diags.length - 1,
    after,
  );

  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  const code = await exited;
  check("shutdown and exit: status 0", code === 0, code);
  connection.dispose();
}

main().then(
  () => process.exit(failed ? 1 : 0),
  (err: unknown) => {
    console.log(`not ok - vscode handshake: ${String(err)}`);
    process.exit(1);
  },
);
