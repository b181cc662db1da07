import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Build {
  /** The compiled bot: `node <main>` is what `npm run start:prod` runs. */
  main: string;
  dir: string;
  remove(): void;
}

/**
 * Compiles Tact as `npm run build` does, into a temporary directory (the shared dist/ is
 * left alone), with the migrations and data files next to the compiled code and the
 * repository's node_modules linked in. The benchmarks measure what production runs.
 */
export function buildTact(): Build {
  const dir = mkdtempSync(path.join(tmpdir(), "tact-bench-build-"));
  const tsc = spawnSync("npx", ["--no-install", "tsc", "-p", "tsconfig.build.json", "--outDir", dir], {
    cwd: root,
    encoding: "utf8",
  });
  if (tsc.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the TypeScript build failed:\n${tsc.stdout}${tsc.stderr}`);
  }
  for (const top of ["src", "db", "adapters"]) copyAssets(path.join(root, top), dir);
  copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return {
    dir,
    main: path.join(dir, "src", "main.js"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function copyAssets(from: string, outDir: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyAssets(source, outDir);
    else if (!/\.(ts|mts|cts)$/.test(entry.name)) {
      const target = path.join(outDir, path.relative(root, source));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  }
}
