import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import path from "node:path";

/** The file-system calls used (node:fs/promises), so tests can inject a failing disk. */
export interface FileSystem {
  open(file: string, flags: string, mode: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

export interface WritableFile {
  /** Text is written as UTF-8; bytes as they are. */
  writeFile(data: string | Uint8Array, encoding: "utf8"): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Writes a whole file or nothing: the content goes to a temporary file next to it, is
 * flushed to disk, then renamed over the final name. On a full disk (or any failure) the
 * temporary file is removed and the error thrown; a reader never sees a truncated file.
 */
export async function writeFileAtomically(
  file: string,
  content: string | Uint8Array,
  options: { mode?: number; fs?: FileSystem } = {},
): Promise<void> {
  const io: FileSystem = options.fs ?? fs;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await io.open(temp, "wx", options.mode ?? 0o644);
  try {
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, file);
  } catch (error) {
    await io.unlink(temp).catch(() => {});
    throw error;
  }
}

/** What a failed write means for the person who asked: a full disk, a folder they cannot write, or another code. */
export function fileProblem(error: unknown): "full" | "notWritable" | "missing" | { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") return "full";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "notWritable";
  if (code === "ENOENT" || code === "ENOTDIR") return "missing";
  return { code: typeof code === "string" ? code : "unknown" };
}
