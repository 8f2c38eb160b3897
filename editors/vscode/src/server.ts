// server.ts: how the extension starts the translint language server,
// apart from VS Code's API so that test/handshake.ts starts the server
// exactly as the extension does.

/** The extension's settings that decide how the server is started. */
export interface ServerSettings {
  /** `translint.path`: the executable, a name in PATH or a path. */
  path: string;
  /** `translint.args`: options given before `lsp`. */
  args: string[];
}

export const defaultSettings: ServerSettings = { path: "translint", args: [] };

/** The command and arguments that start the server over stdio. */
export function serverCommand(settings: ServerSettings): {
  command: string;
  args: string[];
} {
  const command = settings.path.trim() || defaultSettings.path;
  return { command, args: [...settings.args, "lsp"] };
}

/** The documents the server is asked to lint: Markdown, saved or not. */
export const documentSelector = [
  { scheme: "file", language: "markdown" },
  { scheme: "untitled", language: "markdown" },
];
