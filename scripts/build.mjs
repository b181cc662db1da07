// npm run build: compiles Tact to dist/ (dist/src/main.js is the bot) and copies what the
// compiled code reads at run time: the SQL migrations (db/database.ts looks for them next
// to itself) and any other data file under src/, db/, adapters/, connectors/ or assets/ (the
// PDF record's font).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
rmSync(dist, { recursive: true, force: true });

const tsc = spawnSync("npx", ["--no-install", "tsc", "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
if (tsc.status !== 0) {
  console.error("build failed: the TypeScript compiler reported errors");
  process.exit(1);
}

let copied = 0;
for (const dir of ["src", "db", "adapters", "connectors", "assets"]) copyAssets(path.join(root, dir));
console.log(`built dist/ (${copied} data files copied)`);

function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      copyAssets(from);
    } else if (!/\.(ts|mts|cts)$/.test(entry.name)) {
      const to = path.join(dist, path.relative(root, from));
      mkdirSync(path.dirname(to), { recursive: true });
      copyFileSync(from, to);
      copied++;
    }
  }
}
