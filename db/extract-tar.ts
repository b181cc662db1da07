import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const BLOCK = 512;

/**
 * Writes the regular files and directories of a ustar archive (as PGlite's `dumpDataDir`
 * makes them) under `into`, readable by this user only. Anything else in the archive (links,
 * devices, a name leaving `into`) is refused: the archive is a data directory, nothing more.
 */
export function extractTar(archive: Buffer, into: string): void {
  const root = path.resolve(into);
  mkdirSync(root, { recursive: true, mode: 0o700 });
  for (let offset = 0; offset + BLOCK <= archive.length; ) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (text(header, 257, 5) !== "ustar") throw new Error(`not a ustar archive (block at byte ${offset})`);
    // The prefix field is 131 bytes here: tinytar (PGlite) writes access times after it.
    const prefix = text(header, 345, 131);
    const name = text(header, 0, 100);
    const relative = (prefix ? `${prefix}/${name}` : name).replace(/^\/+/, "");
    const size = Number.parseInt(text(header, 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const target = path.resolve(root, relative);
    if (!Number.isSafeInteger(size) || size < 0) throw new Error(`bad size for ${relative}`);
    if (target !== root && !target.startsWith(`${root}${path.sep}`))
      throw new Error(`${relative} leaves the directory`);
    offset += BLOCK;
    if (type === "5") {
      mkdirSync(target, { recursive: true, mode: 0o700 });
    } else if (type === "0" || type === "\0") {
      if (offset + size > archive.length) throw new Error(`${relative} is cut short`);
      mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      writeFileSync(target, archive.subarray(offset, offset + size), { mode: 0o600 });
    } else {
      throw new Error(`${relative}: entries of type "${type}" are not expected in a data directory`);
    }
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
}

function text(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? length : end).toString("utf8");
}
