import { randomBytes } from "node:crypto";
import * as fs from "node:fs/promises";
import path from "node:path";

/** The file-system calls used, so tests can inject a failing disk. */
export type FileSystem = Pick<typeof fs, "open" | "rename" | "unlink">;

/**
 * Writes a whole file or nothing: the content goes to a temporary file next to it, is
 * flushed to disk, then renamed over the final name. On a full disk (or any failure) the
 * temporary file is removed and the error thrown; a reader never sees a truncated file.
 */
export async function writeFileAtomically(
  file: string,
  content: string,
  options: { mode?: number; fs?: FileSystem } = {},
): Promise<void> {
  const io = options.fs ?? fs;
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
