import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/** Sealed values start with this, so a clear-text value stored before encryption is told apart. */
const PREFIX = "tact:v1:";

/** Thrown when a secret must be stored and no encryption key is configured. */
export class MissingEncryptionKeyError extends Error {
  readonly code = "missing-encryption-key";
  constructor() {
    super("TACT_ENCRYPTION_KEY is not set: Tact stores no secret in the database without it");
    this.name = "MissingEncryptionKeyError";
  }
}

/** Encrypts secrets at rest with AES-256-GCM (a random IV per value, the key's id kept with it). */
export interface SecretBox {
  /** Whether a key is configured (without one, `seal` refuses). */
  readonly ready: boolean;
  seal(plain: string): string;
  /** The clear text of a sealed value; a value stored before encryption is returned as is. */
  open(stored: string): string;
  isSealed(stored: string): boolean;
  /** Sealed with this box's key (rotate-key re-seals the others). */
  sealedWithThisKey(stored: string): boolean;
}

export function createSecretBox(key: Buffer | (() => Buffer) | undefined, previous: readonly Buffer[] = []): SecretBox {
  // A key may be given as a function: read (or made) the first time a secret is sealed or opened.
  let current: { key: Buffer; id: string } | undefined;
  const known = new Map<string, Buffer>();
  for (const k of previous) known.set(keyId(k), k);
  const resolve = (): { key: Buffer; id: string } | undefined => {
    if (current || key === undefined) return current;
    const k = typeof key === "function" ? key() : key;
    if (k.length !== 32) throw new Error("the encryption key must be 32 bytes");
    current = { key: k, id: keyId(k) };
    known.set(current.id, k);
    return current;
  };
  if (Buffer.isBuffer(key)) resolve();
  return {
    ready: key !== undefined,
    seal(plain) {
      const k = resolve();
      if (!k) throw new MissingEncryptionKeyError();
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", k.key, iv);
      cipher.setAAD(Buffer.from(k.id));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${PREFIX}${k.id}:${iv.toString("base64")}:${cipher.getAuthTag().toString("base64")}:${body.toString("base64")}`;
    },
    open(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      resolve();
      const [kid = "", iv = "", tag = "", body = ""] = stored.slice(PREFIX.length).split(":");
      const k = known.get(kid);
      if (!k) {
        throw new Error(`a secret was encrypted with another key (${kid}): set TACT_ENCRYPTION_KEY to that key`);
      }
      const decipher = createDecipheriv("aes-256-gcm", k, Buffer.from(iv, "base64"));
      decipher.setAAD(Buffer.from(kid));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
    isSealed: (stored) => stored.startsWith(PREFIX),
    sealedWithThisKey(stored) {
      const k = resolve();
      return k !== undefined && stored.startsWith(`${PREFIX}${k.id}:`);
    },
  };
}

/** A short, non-secret name for a key (the first bytes of its SHA-256). */
export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 12);
}

/** TACT_ENCRYPTION_KEY's value: 32 bytes, base64. Throws a message naming what is wrong. */
export function parseEncryptionKey(value: string): Buffer {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) throw new Error("must be 32 bytes in base64");
  const key = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new Error(`must be 32 bytes in base64 (this one is ${key.length} bytes)`);
  return key;
}
