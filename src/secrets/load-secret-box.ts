import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createSecretBox, parseEncryptionKey, type SecretBox } from "./secret-box.ts";

/** The file the embedded mode keeps its generated key in, inside DATA_DIR. */
export const KEY_FILE = "encryption.key";

/**
 * The key secrets are sealed with: TACT_ENCRYPTION_KEY when set. Without it, the embedded
 * mode (no DATABASE_URL) keeps a key generated the first time a secret is stored in
 * DATA_DIR/encryption.key, next to the
 * database it protects (so a copy of the database alone reveals nothing, but a copy of the
 * whole directory does: set TACT_ENCRYPTION_KEY to keep the key elsewhere). With
 * DATABASE_URL and no key, the box refuses to seal, and storing a secret is refused.
 */
export function loadSecretBox(options: {
  encryptionKey?: string | undefined;
  /** TACT_PREVIOUS_ENCRYPTION_KEY: still opens values sealed before a rotation. */
  previousKey?: string | undefined;
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): SecretBox {
  const previous = options.previousKey ? [parseEncryptionKey(options.previousKey)] : [];
  if (options.encryptionKey) return createSecretBox(parseEncryptionKey(options.encryptionKey), previous);
  if (options.databaseUrl || !options.dataDir) return createSecretBox(undefined, previous);
  const dataDir = options.dataDir;
  // Made the first time a secret is stored, not at start: most deployments store none.
  return createSecretBox(() => embeddedKey(dataDir), previous);
}

function embeddedKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    return parseEncryptionKey(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${file}: ${(error as Error).message}`);
  }
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  // 'wx': two processes starting at once never overwrite each other's key.
  try {
    writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return parseEncryptionKey(readFileSync(file, "utf8"));
    throw error;
  }
}
