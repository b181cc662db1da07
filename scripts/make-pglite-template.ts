// npm run db:template: remakes db/pglite-template/pglite-<version>.tar.br, the data directory
// a new embedded database starts from (db/pglite-template.ts): PGlite's initdb, then every
// migration in db/migrations, compressed with Brotli. Run it after upgrading PGlite (the test
// suite fails until then) and, to keep first starts quick, after adding migrations (those
// newer than the template are applied at first start).
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { openDatabase } from "../db/database.ts";
import { openPglite } from "../db/open-pglite.ts";
import { pgliteVersion, templateFile, templateFolder } from "../db/pglite-template.ts";

const started = performance.now();
const pglite = await openPglite(undefined, { migrations: [] });
const database = await openDatabase({ pglite });
// Everything on disk: a copy then starts without replaying the write-ahead log.
await pglite.query("checkpoint");
const tar = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
await database.close();

const compressed = brotliCompressSync(tar, {
  params: {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
    [constants.BROTLI_PARAM_SIZE_HINT]: tar.length,
  },
});
const file = templateFile();
for (const old of readdirSync(templateFolder)) {
  if (old.startsWith("pglite-") && path.join(templateFolder, old) !== file) rmSync(path.join(templateFolder, old));
}
writeFileSync(file, compressed);
console.log(
  `${path.relative(process.cwd(), file)}: PGlite ${pgliteVersion()}, ${(tar.length / 2 ** 20).toFixed(1)} MB → ${(compressed.length / 2 ** 20).toFixed(1)} MB, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
