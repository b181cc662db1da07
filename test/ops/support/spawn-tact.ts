import { type ChildProcess, spawn } from "node:child_process";
import readline from "node:readline";

export interface Spawned {
  child: ChildProcess;
  /** Every stdout line so far (JSON log lines in server mode). */
  lines: string[];
  stderr: string[];
  /** Resolves with the first line (parsed JSON when it is) matching; rejects if the process ends first. */
  waitFor(
    match: (line: string, json: Record<string, unknown> | undefined) => boolean,
  ): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a Node process (TypeScript through tsx, or compiled JavaScript) and follows its output. */
export function spawnTact(args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; stdin?: string }): Spawned {
  const child = spawn(process.execPath, args, {
    env: options.env,
    cwd: options.cwd ?? process.cwd(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const { stdout, stderr: errors } = child;
  if (!stdout || !errors) throw new Error("spawned without pipes");
  const lines: string[] = [];
  const stderr: string[] = [];
  const waiters: { match: Parameters<Spawned["waitFor"]>[0]; resolve: (v: Record<string, unknown>) => void }[] = [];
  const parse = (line: string) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
  readline.createInterface({ input: stdout }).on("line", (line) => {
    lines.push(line);
    const json = parse(line);
    for (const waiter of [...waiters]) {
      if (waiter.match(line, json)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(json ?? { line });
      }
    }
  });
  readline.createInterface({ input: errors }).on("line", (line) => stderr.push(line));
  return {
    child,
    lines,
    stderr,
    exited,
    waitFor(match) {
      for (const line of lines) {
        const json = parse(line);
        if (match(line, json)) return Promise.resolve(json ?? { line });
      }
      return new Promise((resolve, reject) => {
        waiters.push({ match, resolve });
        void exited.then(({ code }) =>
          reject(new Error(`exited (${code}) before the expected line:\n${[...lines, ...stderr].join("\n")}`)),
        );
      });
    },
  };
}

/** The message of a pino JSON line. */
export const logged = (msg: string) => (_line: string, json: Record<string, unknown> | undefined) => json?.msg === msg;
