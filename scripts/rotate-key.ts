import { randomBytes } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { rotateSecrets } from "../db/queries/secrets.ts";
import { ConfigError, readConfig } from "../src/config.ts";
import { KEY_FILE, loadSecretBox } from "../src/secrets/load-secret-box.ts";
import { createSecretBox, keyId, parseEncryptionKey } from "../src/secrets/secret-box.ts";
import { withoutSecrets } from "../src/secrets/without-secrets.ts";
import { runTool, ToolError, type ToolIo, withToolDatabase } from "./tool-context.ts";

const USAGE = `Usage:
  npm run rotate-key
Re-encrypts every stored secret (Slack installation tokens, invoice-source keys) with a new
key, in one transaction; clear-text ones left from before encryption are encrypted too.
The current key is TACT_ENCRYPTION_KEY (or, without DATABASE_URL, DATA_DIR/${KEY_FILE}).
The new key is TACT_NEW_ENCRYPTION_KEY when set (32 bytes in base64), else a new random one.
Stop Tact first (every replica): a process still running holds the old key.
  - With TACT_ENCRYPTION_KEY: the new key is printed once; set it as TACT_ENCRYPTION_KEY and restart.
  - Embedded (no DATABASE_URL, no TACT_ENCRYPTION_KEY): DATA_DIR/${KEY_FILE} is replaced.
`;

/** `npm run rotate-key`: every sealed secret opened with the current key and sealed with a new one. */
export async function rotateKeyCommand(argv: string[], io: ToolIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { help: { type: "boolean", short: "h" } }, strict: false });
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new ToolError(error.message);
    throw error;
  }
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  const embedded = !config.DATABASE_URL && !config.TACT_ENCRYPTION_KEY;
  if (!embedded && !config.TACT_ENCRYPTION_KEY) {
    throw new ToolError("TACT_ENCRYPTION_KEY is not set: there is no current key to rotate from.");
  }
  const current = loadSecretBox({
    encryptionKey: config.TACT_ENCRYPTION_KEY,
    databaseUrl: config.DATABASE_URL,
    dataDir: embedded ? dataDir : undefined,
  });
  let next: Buffer;
  try {
    next = io.env.TACT_NEW_ENCRYPTION_KEY ? parseEncryptionKey(io.env.TACT_NEW_ENCRYPTION_KEY) : randomBytes(32);
  } catch (error) {
    throw new ToolError(`TACT_NEW_ENCRYPTION_KEY: ${(error as Error).message}`);
  }
  const fresh = createSecretBox(next);
  // Embedded: the new key is written next to the old one first, so a crash after the commit
  // leaves it on disk (encryption.key.new) rather than lost.
  const keyFile = path.join(dataDir, KEY_FILE);
  if (embedded) writeFileSync(`${keyFile}.new`, `${next.toString("base64")}\n`, { mode: 0o600 });
  const counts = await withToolDatabase(io, (database) =>
    rotateSecrets(
      database.db,
      (stored) => fresh.seal(current.open(stored)),
      (data) => withoutSecrets(data) as Record<string, unknown>,
    ),
  );
  if (embedded) renameSync(`${keyFile}.new`, keyFile);
  io.out(
    `Re-encrypted ${counts.connections} invoice-source connection(s) and ${counts.installations} installation(s) with key ${keyId(next)}.\n`,
  );
  if (embedded) io.out(`The new key is in ${keyFile}.\n`);
  else if (!io.env.TACT_NEW_ENCRYPTION_KEY) {
    io.out(`Set TACT_ENCRYPTION_KEY to this new key, then start Tact:\n${next.toString("base64")}\n`);
  } else io.out("Set TACT_ENCRYPTION_KEY to TACT_NEW_ENCRYPTION_KEY's value, then start Tact.\n");
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTool(rotateKeyCommand);
