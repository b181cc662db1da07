import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { Installation } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { createInstallationStore } from "../../adapters/slack/installation-store.ts";
import { insertConnection } from "../../db/queries/connections.ts";
import { connections, installations, workspaces } from "../../db/schema/index.ts";
import { rotateKeyCommand } from "../../scripts/rotate-key.ts";
import { readConfig } from "../../src/config.ts";
import { installationRecords } from "../../src/installations/installation-records.ts";
import { loadSecretBox } from "../../src/secrets/load-secret-box.ts";
import { sealStoredSecrets } from "../../src/secrets/seal-stored-secrets.ts";
import { createSecretBox, keyId, MissingEncryptionKeyError } from "../../src/secrets/secret-box.ts";
import { silentLog, useHarness } from "../support/harness.ts";

const h = useHarness();
const oldKey = randomBytes(32);
const newKey = randomBytes(32);

const installation = {
  team: { id: "T0LEGACY", name: "Legacy agency" },
  enterprise: undefined,
  isEnterpriseInstall: false,
  bot: {
    token: "xoxb-legacy-clear-token",
    refreshToken: "xoxe-1-refresh",
    scopes: ["commands"],
    id: "B1",
    userId: "U1",
  },
  incomingWebhook: { url: "https://hooks.slack.com/services/T0/B0/secretpath", channel: "#general" },
  appId: "A1",
} as unknown as Installation;

describe("secrets at rest", () => {
  it("seals with AES-256-GCM: a fresh IV each time, tampering and a wrong key detected, clear text from before passed through", () => {
    const box = createSecretBox(oldKey);
    const a = box.seal("sk_test_abc");
    const b = box.seal("sk_test_abc");
    expect(a).not.toBe(b);
    expect(a).toMatch(new RegExp(`^tact:v1:${keyId(oldKey)}:`));
    expect(box.open(a)).toBe("sk_test_abc");
    const parts = a.split(":");
    const body = Buffer.from(parts[5] ?? "", "base64");
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() => box.open([...parts.slice(0, 5), body.toString("base64")].join(":"))).toThrow();
    expect(() => createSecretBox(newKey).open(a)).toThrow(/TACT_ENCRYPTION_KEY/);
    expect(box.open("xoxb-stored-before")).toBe("xoxb-stored-before");
  });

  it("refuses to seal without a key when DATABASE_URL is set; the embedded mode keeps a generated key in DATA_DIR", async () => {
    const withUrl = loadSecretBox({ databaseUrl: "postgres://tact@db/tact", dataDir: undefined });
    expect(withUrl.ready).toBe(false);
    expect(() => withUrl.seal("x")).toThrow(MissingEncryptionKeyError);
    expect(() => withUrl.seal("x")).toThrow(/TACT_ENCRYPTION_KEY/);
    const dir = await mkdtemp(path.join(tmpdir(), "tact-key-"));
    try {
      const first = loadSecretBox({ dataDir: dir });
      const sealed = first.seal("whsec_kept");
      expect((await stat(path.join(dir, "encryption.key"))).mode & 0o777).toBe(0o600);
      expect(loadSecretBox({ dataDir: dir }).open(sealed)).toBe("whsec_kept");
      expect(await readFile(path.join(dir, "encryption.key"), "utf8")).not.toContain("whsec_kept");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(() => readConfig({ TACT_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(
      /TACT_ENCRYPTION_KEY: must be 32 bytes in base64 \(this one is 5 bytes\)/,
    );
  });

  it("keeps a clear-text Slack installation from before working, then seals it at start", async () => {
    const box = createSecretBox(oldKey);
    await h.db.db.insert(installations).values({
      key: "slack:T0LEGACY",
      platform: "slack",
      data: installation as unknown as Record<string, unknown>,
    });
    const store = createInstallationStore(installationRecords(h.db.db, h.clock, box));
    const query = { teamId: "T0LEGACY", enterpriseId: undefined, isEnterpriseInstall: false };
    expect((await store.fetchInstallation(query)).bot?.token).toBe("xoxb-legacy-clear-token");
    await sealStoredSecrets(h.db.db, box, silentLog);
    const [row] = await h.db.db.select().from(installations);
    expect(row?.sealed).toMatch(/^tact:v1:/);
    const stored = JSON.stringify(row?.data);
    for (const secret of ["xoxb-legacy", "xoxe-1-refresh", "secretpath"]) expect(stored).not.toContain(secret);
    expect((await store.fetchInstallation(query)).bot?.token).toBe("xoxb-legacy-clear-token");
    // Without a key, a new installation is refused, naming the setting.
    const keyless = createInstallationStore(installationRecords(h.db.db, h.clock, createSecretBox(undefined)));
    await expect(keyless.storeInstallation({ ...installation, team: { id: "T0NEW" } } as Installation)).rejects.toThrow(
      /TACT_ENCRYPTION_KEY is not set/,
    );
    expect(await h.db.db.select().from(installations)).toHaveLength(1);
  });

  it("npm run rotate-key re-encrypts connector keys and installations with the new key, in one go", async () => {
    const old = createSecretBox(oldKey);
    const [ws] = await h.db.db
      .insert(workspaces)
      .values({ platform: "slack", externalId: "T0ROT", ownerUserId: "U1" })
      .returning();
    await insertConnection(h.db.db, {
      id: "aaaabbbbccccdddd",
      workspaceId: ws?.id ?? 0,
      source: "stripe",
      origin: "command",
      secrets: old.seal(JSON.stringify({ apiKey: "sk_test_rotating1" })),
      createdBy: "U1",
      at: h.clock.now(),
    });
    await createInstallationStore(installationRecords(h.db.db, h.clock, old)).storeInstallation(installation);
    await h.db.db.insert(installations).values({
      key: "slack:T0CLEAR",
      platform: "slack",
      data: { ...(installation as unknown as Record<string, unknown>), team: { id: "T0CLEAR" } },
    });
    const out: string[] = [];
    const code = await rotateKeyCommand([], {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      input: new PassThrough(),
      clock: h.clock,
      database: h.db,
      env: {
        DATABASE_URL: "postgres://tact@unused/tact",
        TACT_ENCRYPTION_KEY: oldKey.toString("base64"),
        TACT_NEW_ENCRYPTION_KEY: newKey.toString("base64"),
      },
    });
    expect(code).toBe(0);
    expect(out.join("")).toContain(
      `Re-encrypted 1 invoice-source connection(s) and 2 installation(s) with key ${keyId(newKey)}`,
    );
    expect(out.join("")).not.toContain(newKey.toString("base64"));
    const fresh = createSecretBox(newKey);
    const [conn] = await h.db.db.select().from(connections);
    expect(JSON.parse(fresh.open(conn?.secrets ?? ""))).toEqual({ apiKey: "sk_test_rotating1" });
    expect(() => old.open(conn?.secrets ?? "")).toThrow();
    const rows = await h.db.db.select().from(installations);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(fresh.sealedWithThisKey(row.sealed ?? "")).toBe(true);
      expect(JSON.parse(fresh.open(row.sealed ?? "")).bot.token).toBe("xoxb-legacy-clear-token");
      expect(JSON.stringify(row.data)).not.toContain("xoxb-legacy");
    }
  });
});
