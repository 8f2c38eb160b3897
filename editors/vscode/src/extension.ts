// extension.ts: the VS Code client of `translint lsp`. It starts the
// server for Markdown documents with the command the settings give
// (translint.path, translint.args), restarts it when they change, and
// leaves everything else to the language server protocol: diagnostics
// (each linked to its rule's page), quick fixes and "Fix all".
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { documentSelector, serverCommand, ServerSettings } from "./server";

let client: LanguageClient | undefined;

function readSettings(): ServerSettings {
  const config = vscode.workspace.getConfiguration("translint");
  return {
    path: config.get<string>("path", "translint"),
    args: config.get<string[]>("args", []),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const { command, args } = serverCommand(readSettings());
  const run = { command, args, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // translint lints the text of each document as VS Code holds it;
    // configuration files are found from the document's path.
    outputChannelName: "translint",
  };
  client = new LanguageClient(
    "translint",
    "translint",
    serverOptions,
    clientOptions,
  );
  try {
    await client.start();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `translint: cannot start "${command} ${args.join(" ")}": ${message}. ` +
        "Install translint or set translint.path.",
    );
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    await old.stop().catch(() => undefined);
  }
  await start(context);
}

export async function activate(
  context: vscode.ExtensionContext,
): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("translint.restart", () =>
      restart(context),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        e.affectsConfiguration("translint.path") ||
        e.affectsConfiguration("translint.args")
      ) {
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
