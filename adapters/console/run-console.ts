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
  const rl = readline.createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: 500,
    prompt: "tact> ",
  });
  if (interactive) rl.prompt();
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    queue = queue.then(async () => {
      await adapter.handleLine(line);
      if (interactive) rl.prompt();
    });
  });
  await new Promise<void>((resolve) => rl.once("close", resolve));
  await queue;
}
