import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

/** DATA_DIR cannot be used, or is in use: one line for the operator, never a raw error code. */
export class DataDirError extends Error {
  readonly code = "data-dir";
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = "DataDirError";
  }
}

/**
 * Makes DATA_DIR if it does not exist. Node's own `mkdir(…, { recursive: true })` spins
 * forever on a path such as /proc/tact, so each missing level is made one at a time.
 */
export async function prepareDataDir(dir: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>> | undefined;
  try {
    info = await stat(dir);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw dataDirError(dir, error);
  }
  if (info && !info.isDirectory()) throw new DataDirError(`DATA_DIR ${dir} is a file, not a directory`);
  if (!info) await makeDirectory(dir).catch((error: unknown) => Promise.reject(dataDirError(dir, error)));
}

async function makeDirectory(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  if (parent !== dir) {
    const exists = await stat(parent).then(
      () => true,
      (error: unknown) => (errorCode(error) === "ENOENT" ? false : Promise.reject(error)),
    );
    if (!exists) await makeDirectory(parent);
  }
  try {
    await mkdir(dir, { mode: 0o700 });
  } catch (error) {
    // Another process made it meanwhile: fine if it is a directory.
    if (errorCode(error) === "EEXIST" && (await stat(dir)).isDirectory()) return;
    throw error;
  }
}

/** What a file-system error on DATA_DIR means for the operator. */
export function dataDirError(dir: string, error: unknown): DataDirError {
  switch (errorCode(error)) {
    case "EACCES":
    case "EPERM":
    case "EROFS":
    case "ENOENT": // /proc and other file systems that refuse new directories
      return new DataDirError(`DATA_DIR ${dir} is not writable`, error);
    case "ENOTDIR":
    case "EEXIST":
      return new DataDirError(`DATA_DIR ${dir} is not a directory (part of the path is a file)`, error);
    case "ENOSPC":
    case "EDQUOT":
      return new DataDirError(`DATA_DIR ${dir} is on a full disk`, error);
    case "ENAMETOOLONG":
    case "ELOOP":
      return new DataDirError(`DATA_DIR ${dir} is not a usable path`, error);
    default: {
      // Rare codes (EIO, ENXIO…) are named, since no sentence here would say more.
      const code = errorCode(error);
      return new DataDirError(`DATA_DIR ${dir} cannot be used${code ? ` (${code})` : ""}`, error);
    }
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
