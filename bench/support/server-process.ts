import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import readline from "node:readline";

/** A server under test, running in its own process (so the load generator does not share its event loop). */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** ms from spawn to the ready line. */
  readyMs: number;
  /** Resident set size as the kernel counts it (VmRSS), in MB. */
  rssMb(): number;
  /** Log lines at warn level or above, for the report. */
  problems: string[];
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` and waits for its ready line: a JSON log line whose `msg` is `ready`
 * (with the port in `port`). Everything else it prints is read and dropped, as a log
 * collector would, so a chatty server is not slowed by a full pipe.
 */
export async function startServer(
  args: string[],
  options: { env: NodeJS.ProcessEnv; ready: string; timeoutMs?: number },
): Promise<ServerProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const problems: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${options.ready}" within ${options.timeoutMs ?? 30_000} ms`)),
      options.timeoutMs ?? 30_000,
    );
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before it was ready:\n${[...problems, ...stderr].join("\n")}`));
    });
    readline.createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
      let json: Record<string, unknown> | undefined;
      try {
        json = JSON.parse(line) as Record<string, unknown>;
      } catch {
        return;
      }
      if (typeof json.level === "number" && json.level >= 40) problems.push(line.slice(0, 500));
      if (json.msg === options.ready) {
        clearTimeout(timer);
        resolve(Number(json.port));
      }
    });
  });
  readline.createInterface({ input: child.stderr as NodeJS.ReadableStream }).on("line", (line) => {
    if (stderr.length < 50) stderr.push(line.slice(0, 500));
  });
  let port: number;
  try {
    port = await ready;
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    child,
    port,
    readyMs: performance.now() - started,
    problems,
    rssMb: () => rssOf(child.pid ?? 0),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Waits, without holding the event loop busy. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
