import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackRequest } from "../../adapters/slack/verify-slack-request.ts";
import { queryRows } from "../../db/query-rows.ts";
import { SIGNING_SECRET, useSlack } from "./slack-harness.ts";

// Slack's published example (docs: "Verifying requests from Slack").
const example = readFileSync(new URL("../fixtures/slack-signature-example.txt", import.meta.url), "utf8").trim();
const EXAMPLE_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const EXAMPLE_TIMESTAMP = "1531420618";
const EXAMPLE_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

describe("Slack request signatures", () => {
  it("computes Slack's published example signature", () => {
    expect(slackSignature(EXAMPLE_SECRET, EXAMPLE_TIMESTAMP, example)).toBe(EXAMPLE_SIGNATURE);
  });

  it("accepts the example at its own time, and refuses it five minutes and a second before or after", () => {
    const check = (nowSeconds: number, signature = EXAMPLE_SIGNATURE) =>
      verifySlackRequest({
        signingSecret: EXAMPLE_SECRET,
        timestamp: EXAMPLE_TIMESTAMP,
        signature,
        rawBody: Buffer.from(example),
        nowSeconds,
      });
    const at = Number(EXAMPLE_TIMESTAMP);
    expect(check(at)).toBeUndefined();
    expect(check(at + 300)).toBeUndefined();
    expect(check(at - 300)).toBeUndefined();
    expect(check(at + 301)).toBe("stale");
    expect(check(at - 301)).toBe("future");
    expect(check(at, EXAMPLE_SIGNATURE.replace(/.$/, "0"))).toBe("bad-signature");
    expect(check(at, "v1=abc")).toBe("bad-signature");
  });

  it("refuses a body changed after signing", () => {
    expect(
      verifySlackRequest({
        signingSecret: EXAMPLE_SECRET,
        timestamp: EXAMPLE_TIMESTAMP,
        signature: EXAMPLE_SIGNATURE,
        rawBody: Buffer.from(example.replace("text=", "text=late+acme")),
        nowSeconds: Number(EXAMPLE_TIMESTAMP),
      }),
    ).toBe("bad-signature");
  });
});

describe("requests not signed by Slack", () => {
  const s = useSlack();

  async function written(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      s.h.db.db,
      sql`select (select count(*) from workspaces) + (select count(*) from clients) + (select count(*) from audit_log) as n`,
    );
    return Number(row?.n);
  }

  const body = () =>
    new URLSearchParams({
      team_id: "T0TEAM",
      user_id: "U0OWNER",
      user_name: "dana",
      channel_id: "C0GENERAL",
      command: "/client",
      text: "add acme ACME Corp",
      response_url: s.fake.responseUrl("x"),
      trigger_id: "1.2.3",
    }).toString();

  it("answers 401 to a bad signature, and nothing is written or sent", async () => {
    const res = await s.post(body(), "application/x-www-form-urlencoded", {
      "x-slack-signature": `v0=${"0".repeat(64)}`,
    });
    expect(res.status).toBe(401);
    expect(await written()).toBe(0);
    expect(s.fake.calls).toEqual([]);
    expect(s.fake.responses).toEqual([]);
  });

  it("answers 401 to a request signed with another secret", async () => {
    const raw = body();
    const ts = String(Math.floor(s.h.clock.now().getTime() / 1000));
    const res = await s.post(raw, "application/x-www-form-urlencoded", {
      "x-slack-signature": slackSignature(`${SIGNING_SECRET}x`, ts, raw),
    });
    expect(res.status).toBe(401);
    expect(await written()).toBe(0);
  });

  it("answers 401 to a timestamp more than five minutes old or ahead, even correctly signed", async () => {
    const raw = body();
    const now = Math.floor(s.h.clock.now().getTime() / 1000);
    for (const ts of [String(now - 301), String(now + 301)]) {
      const res = await s.post(raw, "application/x-www-form-urlencoded", {
        "x-slack-request-timestamp": ts,
        "x-slack-signature": slackSignature(SIGNING_SECRET, ts, raw),
      });
      expect(res.status).toBe(401);
    }
    expect(await written()).toBe(0);
    expect(s.fake.responses).toEqual([]);
  });

  it("answers 401 when the signature headers are missing", async () => {
    const res = await fetch(`${s.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body(),
    });
    expect(res.status).toBe(401);
    expect(await written()).toBe(0);
  });

  it("accepts the same request correctly signed", async () => {
    const res = await s.post(body(), "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    expect(await written()).toBeGreaterThan(0);
  });

  it("answers Slack's URL verification challenge only when signed", async () => {
    const challenge = JSON.stringify({
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const ok = await fetch(`${s.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: challenge,
    });
    expect(ok.status).toBe(401);
    const signed = await s.post(challenge, "application/json");
    expect(signed.status).toBe(200);
  });
});
