import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FixedClock } from "../../src/clock.ts";
import { readConfig } from "../../src/config.ts";
import { createCore } from "../../src/core/create-core.ts";
import { configSecrets, createLogger } from "../../src/log.ts";
import { errorMessage } from "../../src/serialize-error.ts";
import { everyCommand } from "../support/every-command.ts";
import { invocation, useHarness } from "../support/harness.ts";

const secrets = {
  SLACK_BOT_TOKEN: "xoxb-1111111111-2222222222-AbCdEfGhIjKlMnOpQrStUvWx",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
  SLACK_APP_TOKEN: "xapp-1-A0123456789-1234567890123-abcdef0123456789",
  SLACK_CLIENT_ID: "1234567890.1234567890",
  SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_STATE_SECRET: "my-state-secret-value",
  DISCORD_TOKEN: "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB",
  DISCORD_APPLICATION_ID: "109876543210987654",
};
const DATABASE_URL = "postgres://tact:s3cret%2Fpass@db.internal:5432/tact";
const password = "s3cret%2Fpass";

function capture(options: { secrets?: string[] } = {}) {
  const lines: string[] = [];
  const log = createLogger({ level: "debug", stream: { write: (line: string) => void lines.push(line) }, ...options });
  return { log, lines, text: () => lines.join("\n") };
}

describe("logs", () => {
  const config = readConfig({ ...secrets, DATABASE_URL });

  it("never contain a token, a signing secret or the database password, however they are logged", () => {
    const { log, text } = capture({ secrets: configSecrets(config) });
    log.info({ config }, "configuration");
    log.info({ env: { ...secrets, DATABASE_URL } }, "environment");
    log.error({ err: new Error(`could not connect to ${DATABASE_URL}`) }, "database down");
    log.warn(`Slack rejected token ${secrets.SLACK_BOT_TOKEN}`);
    log.warn({ headers: { authorization: `Bot ${secrets.DISCORD_TOKEN}` } }, "discord call");
    log.warn({ request: { headers: { authorization: `Bearer ${secrets.SLACK_BOT_TOKEN}` } } }, "slack call");
    log.info(
      { installation: { bot: { token: secrets.SLACK_BOT_TOKEN, refreshToken: "xoxe-1-abcdefghijkl" } } },
      "stored",
    );
    log.info({ signature: `computed with ${secrets.SLACK_SIGNING_SECRET}` }, "verifying");
    log.error({ err: new Error("state check failed", { cause: new Error(secrets.SLACK_STATE_SECRET) }) }, "oauth");

    const out = text();
    for (const [name, value] of Object.entries(secrets)) {
      if (name === "SLACK_CLIENT_ID" || name === "DISCORD_APPLICATION_ID") continue; // ids, not secrets
      expect(out, name).not.toContain(value);
    }
    expect(out).not.toContain(password);
    expect(out).not.toContain("s3cret/pass");
    expect(out).not.toContain("xoxe-1-abcdefghijkl");
    // What the operator needs is still there.
    expect(out).toContain("db.internal:5432");
    expect(out).toContain("could not connect");
  });

  it("blank token-shaped strings and URL passwords even when the values were not registered", () => {
    const { log, text } = capture();
    log.warn(`token ${secrets.SLACK_BOT_TOKEN} and ${secrets.SLACK_APP_TOKEN} rejected; url ${DATABASE_URL}`);
    expect(text()).not.toContain(secrets.SLACK_BOT_TOKEN);
    expect(text()).not.toContain(secrets.SLACK_APP_TOKEN);
    expect(text()).not.toContain(password);
  });

  it("leave out the SQL and the values of a failed query, keeping the database's reason", () => {
    const { log, lines } = capture();
    const failure = new DrizzleQueryError(
      'insert into "incidents" ("note") values ($1)',
      ["the client called us names"],
      Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" }),
    );
    log.error({ err: failure }, "request failed");
    const entry = JSON.parse(lines[0] ?? "{}") as {
      err: { message: string; cause: { message: string; code: string } };
    };
    expect(lines[0]).not.toContain("insert into");
    expect(lines[0]).not.toContain("called us names");
    expect(entry.err.cause).toMatchObject({ message: "Connection terminated unexpectedly", code: "ECONNRESET" });
  });
});

describe("a logged error", () => {
  it("keeps its type, code, stack and cause, but no token in its message nor what its HTTP call carried", () => {
    const { log, lines } = capture({ secrets: configSecrets(readConfig({ ...secrets, DATABASE_URL })) });
    const interactionToken = "aW50ZXJhY3Rpb246MTIzOnNlY3JldC10b2tlbg";
    const cause = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    const failure = Object.assign(new Error(`refused with ${secrets.SLACK_BOT_TOKEN}`, { cause }), {
      code: "slack_webapi_request_error",
      status: 503,
      url: `https://discord.com/api/v10/webhooks/1/${interactionToken}/messages/@original`,
      requestBody: { json: { content: "the client called us names" } },
      headers: { authorization: `Bot ${secrets.DISCORD_TOKEN}` },
    });
    log.error({ err: failure }, "call failed");
    const entry = JSON.parse(lines[0] ?? "{}") as { err: Record<string, unknown> };
    expect(entry.err).toMatchObject({
      type: "Error",
      code: "slack_webapi_request_error",
      status: 503,
      cause: { type: "Error", message: "socket hang up", code: "ECONNRESET" },
    });
    expect(entry.err.stack).toContain("log-redaction.test.ts");
    for (const leak of [secrets.SLACK_BOT_TOKEN, secrets.DISCORD_TOKEN, interactionToken, "called us names"]) {
      expect(lines[0]).not.toContain(leak);
    }
  });

  it("is told to a person in one line, without SQL or a stack", () => {
    const failure = new DrizzleQueryError(
      'insert into "incidents" ("note") values ($1)',
      ["the client called us names"],
      new Error("Connection terminated unexpectedly\n    at Socket.<anonymous>"),
    );
    expect(errorMessage(failure)).toBe("Connection terminated unexpectedly");
  });
});

describe("request logs", () => {
  const h = useHarness();

  it("are JSON lines carrying the platform, the workspace and the request id", async () => {
    const { log, lines } = capture();
    const core = createCore({
      db: h.db.db,
      clock: new FixedClock("2026-11-27T10:00:00Z"),
      log,
      dataDir: "/tmp",
      ...everyCommand,
    });
    const retried = {
      ...invocation("/client add acme ACME Corp", { platform: "slack", workspace: "T0123" }),
      requestId: "req-42",
    };
    await core.handle(retried);
    await core.handle(retried); // a platform's retry: ignored, and logged
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const duplicate = entries.find((e) => e.msg === "duplicate request ignored");
    expect(duplicate).toMatchObject({ platform: "slack", workspace: "T0123", requestId: "req-42", command: "add" });
  });
});
