import { readFileSync, unlinkSync } from "node:fs";
import { type FileHandle, open, readFile, unlink } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DataDirError, dataDirError, errorCode, prepareDataDir } from "./prepare-data-dir.ts";

export const LOCK_FILE = "tact.lock";
const SOCKET_FILE = "tact.sock";
// Unix socket paths are limited to 104 (macOS) or 108 (Linux) bytes.
const MAX_SOCKET_PATH = 100;

/** What the lock file says about the process holding DATA_DIR. */
interface Holder {
  pid: number;
  host: string;
  since: string;
  /** The holder listens on DATA_DIR/tact.sock: a connection refused there means it is gone. */
  socket: boolean;
}

export interface DataDirLock {
  release(): Promise<void>;
}

/** Lock files this process holds, to tell "held by me" from "left by an earlier process with my pid". */
const heldHere = new Set<string>();

/**
 * Takes DATA_DIR for this process, because the embedded database has one writer: a second
 * process on the same directory loses data. A lock left by a process that was killed is
 * noticed and cleared. The holder also listens on a Unix socket in DATA_DIR: a connection
 * there proves it is alive even when pids are reused (containers) or not visible (another
 * container sharing the volume); the pid is the fallback where sockets cannot be made.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  await prepareDataDir(dir);
  const lockPath = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    let file: FileHandle;
    try {
      file = await open(lockPath, "wx", 0o600);
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw dataDirError(dir, error);
      const held = await readHolder(lockPath);
      if (held === undefined) continue; // released meanwhile
      const alive = held.holder ? await isAlive(lockPath, dir, held.holder) : false;
      if (alive === "elsewhere" && held.holder) {
        throw new DataDirError(
          `Tact may be running on DATA_DIR ${dir} from ${held.holder.host} (process ${held.holder.pid}); stop it first, or use DATABASE_URL. If it is not running, delete ${lockPath}`,
        );
      }
      if (alive) {
        throw new DataDirError(
          `Tact is already running on DATA_DIR ${dir}${held.holder ? ` (process ${held.holder.pid})` : ""}; stop it first, or use DATABASE_URL`,
        );
      }
      await clearStale(lockPath, held.text);
      continue;
    }
    return hold(dir, lockPath, file);
  }
  throw new DataDirError(`DATA_DIR ${dir} is being taken by other processes at the same time; try again`);
}

async function hold(dir: string, lockPath: string, file: FileHandle): Promise<DataDirLock> {
  let server: net.Server | undefined;
  const socketPath = path.join(dir, SOCKET_FILE);
  try {
    server = await listen(socketPath);
    const holder: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), socket: !!server };
    await file.writeFile(JSON.stringify(holder));
  } catch (error) {
    server?.close();
    await file.close().catch(() => {});
    await unlink(lockPath).catch(() => {});
    throw dataDirError(dir, error);
  }
  await file.close();
  heldHere.add(lockPath);
  // process.exit() (a fatal error, a second Ctrl-C) skips `release`: leave nothing behind.
  const onExit = () => {
    for (const p of server ? [socketPath, lockPath] : [lockPath]) {
      try {
        unlinkSync(p);
      } catch {}
    }
  };
  process.on("exit", onExit);
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= (async () => {
        process.off("exit", onExit);
        heldHere.delete(lockPath);
        if (server) {
          const closing = server;
          await new Promise<void>((resolve) => closing.close(() => resolve()));
          await unlink(socketPath).catch(() => {});
        }
        if (readSync(lockPath)?.includes(`"pid":${process.pid},`)) await unlink(lockPath).catch(() => {});
      })();
      return released;
    },
  };
}

/** Listens on DATA_DIR/tact.sock; undefined where the path is too long or the file system has no sockets. */
async function listen(socketPath: string): Promise<net.Server | undefined> {
  if (process.platform === "win32" || Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) return undefined;
  // We hold the lock file: a socket file still there was left by a process that is gone.
  await unlink(socketPath).catch(() => {});
  const server = net.createServer((socket) => socket.end());
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => resolve());
    });
  } catch {
    return undefined;
  }
  server.on("error", () => {});
  // The lock must not keep the process alive.
  server.unref();
  return server;
}

/** The lock file's text and what it says; undefined if it disappeared. */
async function readHolder(lockPath: string): Promise<{ text: string; holder: Holder | undefined } | undefined> {
  // A holder writes its details just after creating the file: give it a moment.
  for (let tries = 0; ; tries++) {
    let text: string;
    try {
      text = await readFile(lockPath, "utf8");
    } catch (error) {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    }
    const holder = parseHolder(text);
    if (holder || tries >= 20) return { text, holder };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid === "number" && typeof value.host === "string") {
      return { pid: value.pid, host: value.host, since: String(value.since), socket: value.socket === true };
    }
  } catch {}
  return undefined;
}

/** true: the holder runs; false: it is gone; "elsewhere": another machine's, which cannot be checked. */
async function isAlive(lockPath: string, dir: string, holder: Holder): Promise<boolean | "elsewhere"> {
  if (holder.socket) {
    const answer = await knock(path.join(dir, SOCKET_FILE));
    if (answer !== "unknown") return answer === "answered";
  }
  if (holder.host !== os.hostname()) return "elsewhere";
  if (holder.pid === process.pid) return heldHere.has(lockPath);
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

/** Connects to the holder's socket: it answers while the process lives, and is refused once it died. */
function knock(socketPath: string): Promise<"answered" | "refused" | "unknown"> {
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    const done = (answer: "answered" | "refused" | "unknown") => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    // A holder too busy to accept still has its connection queued by the kernel; a timeout is unusual.
    const timer = setTimeout(() => done("answered"), 2_000);
    socket.once("connect", () => done("answered"));
    socket.once("error", (error) => {
      const code = errorCode(error);
      done(code === "ECONNREFUSED" || code === "ENOENT" ? "refused" : "unknown");
    });
  });
}

/** Removes a dead process's lock, unless another process replaced it meanwhile. */
async function clearStale(lockPath: string, staleText: string): Promise<void> {
  if (readSync(lockPath) !== staleText) return;
  await unlink(lockPath).catch(() => {});
}

function readSync(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
