import { appendFileSync, existsSync, readFileSync } from "node:fs";
import readline from "node:readline";
import type { ConsoleAdapter } from "./console-adapter.ts";

export interface RunConsoleOptions {
  adapter: ConsoleAdapter;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A terminal: prompt and history. Otherwise one line at a time until the end of input. */
  interactive: boolean;
  historyFile?: string | undefined;
}

/**
 * Drives the console adapter from a stream. Lines run strictly one after another, so a
 * script's output is in order; resolves once the input has ended and every line is done.
 */
export async function runConsole(options: RunConsoleOptions): Promise<void> {
  const { adapter, input, output, interactive } = options;
  const history = interactive ? loadHistory(options.historyFile) : [];
  const rl = readline.createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    history,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
    prompt: "tact> ",
  });
  // The welcome goes first in the queue: lines typed meanwhile wait for it, and none is missed.
  let queue = interactive
    ? adapter
        .welcome()
        .catch(() => undefined)
        .then(() => rl.prompt())
    : Promise.resolve();
  const closed = new Promise<void>((resolve) => rl.once("close", resolve));
  let left = false;
  rl.on("line", (line) => {
    // `exit` or `quit` leaves, once the lines before it are done; lines already read after it are dropped.
    if (left) return;
    if (LEAVE.test(line)) {
      left = true;
      rl.close();
      return;
    }
    if (interactive && options.historyFile && line.trim() !== "") saveHistoryLine(options.historyFile, line);
    queue = queue.then(async () => {
      await adapter.handleLine(line);
      if (interactive) rl.prompt();
    });
  });
  await closed;
  await queue;
}

const HISTORY_SIZE = 500;
const LEAVE = /^\s*(?:exit|quit)\s*$/i;

/** Previous sessions' lines, most recent first (readline's order). */
function loadHistory(file: string | undefined): string[] {
  if (!file || !existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter(Boolean).slice(-HISTORY_SIZE).reverse();
}

function saveHistoryLine(file: string, line: string): void {
  try {
    appendFileSync(file, `${line.replace(/\n/g, " ")}\n`, { mode: 0o600 });
  } catch {
    // History is a convenience: a read-only data directory must not stop the console.
  }
}
