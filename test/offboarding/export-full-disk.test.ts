import { execFileSync } from "node:child_process";
import * as fs from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleAdapter } from "../../adapters/console/console-adapter.ts";
import { exportWorkspaceCommand } from "../../scripts/export-workspace.ts";
import { runToolWith } from "../../scripts/tool-context.ts";
import type { FileSystem } from "../../src/write-file-atomically.ts";
import { useHarness } from "../support/harness.ts";
import { audits } from "./offboarding-support.ts";

const h = useHarness("2026-11-27T10:00:00Z");

/** The real file system, except that a write stops after 8,192 bytes with "no space left" while `full`. */
function disk(): FileSystem & { full: boolean } {
  const state = {
    full: false,
    rename: (from: string, to: string) => fs.rename(from, to),
    unlink: (file: string) => fs.unlink(file),
    async open(file: string, flags: string, mode: number) {
      const handle = await fs.open(file, flags, mode);
      return {
        async writeFile(data: string, encoding: "utf8") {
          if (!state.full) return handle.writeFile(data, encoding);
          await handle.write(Buffer.from(data, encoding).subarray(0, 8_192));
          throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
  return state;
}

async function aClientWithALongRecord(): Promise<void> {
  await h.run("/client add acme ACME Corp");
  for (let i = 0; i < 40; i++) await h.run(`/client scope acme extra page ${i}: ${"more work ".repeat(20)}`);
}

async function filesIn(dir: string): Promise<string[]> {
  return fs.readdir(dir).catch(() => []);
}

describe("exporting a record onto a full disk (issue 19)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(tmpdir(), "tact-full-"));
  });
  afterAll(async () => {
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it("says so, leaves no partial file and no audit entry, keeps serving, and succeeds once there is room", async () => {
    await aClientWithALongRecord();
    const output: string[] = [];
    const broken = disk();
    const adapter = new ConsoleAdapter({ core: h.core, write: (l) => output.push(l), dataDir, fs: broken });
    const exports = path.join(dataDir, "exports");
    const file = path.join(exports, "acme-record-2026-11-27.md");

    broken.full = true;
    await adapter.handleLine("/client export acme");
    expect(output).toEqual([
      `[DM @owner] I couldn't save ${file}: the disk is full. Nothing was written; fix that and ask again.`,
    ]);
    expect(await filesIn(exports)).toEqual([]); // neither the record nor its temporary file
    expect(await audits(h.db.db, "client.exported")).toEqual([]);

    output.length = 0;
    await adapter.handleLine("/client show acme");
    expect(output.join("\n")).toContain("== ACME Corp (acme) ==");

    broken.full = false;
    output.length = 0;
    await adapter.handleLine("/client export acme");
    expect(output.at(-3)).toBe(`[DM @owner] Saved to ${file}`);
    expect(output.at(-2)).toBe(`[DM @owner] Saved to ${file.replace(/\.md$/, ".pdf")}`);
    expect(output.at(-1)).toBe("I sent you the record in a direct message.");
    expect(await filesIn(exports)).toEqual(["acme-record-2026-11-27.md", "acme-record-2026-11-27.pdf"]);
    const saved = await fs.readFile(file, "utf8");
    expect(saved.length).toBeGreaterThan(8_192);
    expect(saved).toContain("extra page 39");
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await audits(h.db.db, "client.exported")).toHaveLength(1);
  });
});

/** A real, tiny file system (tmpfs); only where this process may mount one (root on Linux). */
function mountSmallDisk(): string | undefined {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return undefined;
  const dir = execFileSync("mktemp", ["-d", path.join(tmpdir(), "tact-tmpfs-XXXXXX")])
    .toString()
    .trim();
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
    return dir;
  } catch {
    execFileSync("rmdir", [dir]);
    return undefined;
  }
}

const smallDisk = mountSmallDisk();

describe.skipIf(!smallDisk)("on a real full file system", () => {
  const dir = smallDisk ?? "";
  beforeAll(async () => {
    // Fill it, then free one page: smaller than a record.
    for (let i = 0; ; i++) {
      try {
        await fs.writeFile(path.join(dir, `filler-${i}`), Buffer.alloc(4_096));
      } catch {
        await fs.rm(path.join(dir, `filler-${i}`), { force: true });
        await fs.rm(path.join(dir, "filler-0"));
        break;
      }
    }
  });
  afterAll(() => {
    execFileSync("umount", [dir]);
    execFileSync("rmdir", [dir]);
  });

  it("neither the console nor `npm run export --out` leave a truncated file", async () => {
    await aClientWithALongRecord();
    const output: string[] = [];
    const adapter = new ConsoleAdapter({ core: h.core, write: (l) => output.push(l), dataDir: dir });
    await adapter.handleLine("/client export acme");
    expect(output).toEqual([
      `[DM @owner] I couldn't save ${path.join(dir, "exports", "acme-record-2026-11-27.md")}: the disk is full. Nothing was written; fix that and ask again.`,
    ]);
    expect(await filesIn(path.join(dir, "exports"))).toEqual([]);
    expect(await audits(h.db.db, "client.exported")).toEqual([]);

    const err: string[] = [];
    const out = path.join(dir, "workspace.json");
    const code = await runToolWith(exportWorkspaceCommand, ["--workspace", "console:console", "--out", out], {
      out: () => {},
      err: (t) => void err.push(t),
      input: Readable.from([]),
      env: {},
      clock: h.clock,
      database: h.db,
    });
    expect(code).toBe(1);
    expect(err.join("")).toBe(`Could not write ${out}: the disk is full. Nothing was written.\n`);
    expect((await filesIn(dir)).filter((f) => !f.startsWith("filler-"))).toEqual(["exports"]);
  });
});
