import { describe, expect, it } from "vitest";
import { slackHeaders } from "../support/signed-requests.ts";
import { leaks, rowCounts, storedNotes } from "./support/hostile-notes.ts";
import { SECRETS, SIGNING_SECRET, TEAM, usePlatforms } from "./support/platforms.ts";

/**
 * Hostile requests to Slack's endpoint: every request gets a clear answer, nothing is written
 * unless it was a valid signed command, and nothing of Tact's internals or secrets reaches Slack
 * or the logs. Hostile notes go through every adapter in test/contract/adapter-contract.test.ts.
 */
const p = usePlatforms();

/** What people see (answers, posts) and what the logs hold: no internals, no secrets. */
function expectNoLeak(): void {
  const seen = [
    ...p.slackApi.responses.map((r) => JSON.stringify(r.body)),
    ...p.slackApi.calls.map((c) => JSON.stringify(c.args.text ?? c.args.blocks ?? "")),
  ];
  const text = [...seen, ...p.logs].join("\n");
  for (const leak of leaks) expect(text).not.toMatch(leak);
  for (const [name, secret] of Object.entries(SECRETS)) expect(p.logs.join("\n"), name).not.toContain(secret);
}

describe("hostile requests to /slack/events", () => {
  const command = () => p.slackCommandBody("add acme ACME Corp");

  async function expectNothingWritten(): Promise<void> {
    expect(Object.entries(await rowCounts(p.h.db.db)).filter(([, n]) => n > 0)).toEqual([]);
    expect(p.slackApi.calls).toEqual([]);
    expect(p.slackApi.responses).toEqual([]);
  }

  it("refuses an unsigned request claiming any workspace and user (401), and writes nothing", async () => {
    const res = await p.slackPost(p.slackCommandBody("add acme ACME Corp", { team_id: "T0OTHER", user_id: "U0BOSS" }), {
      sign: false,
    });
    expect(res.status).toBe(401);
    expect(res.text).toBe("");
    await expectNothingWritten();
  });

  it("refuses a request signed with another secret, or with a broken signature (401)", async () => {
    expect((await p.slackPost(command(), { sign: "not-the-signing-secret" })).status).toBe(401);
    expect(
      (
        await p.slackPost(command(), {
          sign: false,
          headers: { "x-slack-request-timestamp": "1", "x-slack-signature": "v0=" },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await p.slackPost(command(), {
          sign: false,
          headers: { "x-slack-request-timestamp": "not-a-time", "x-slack-signature": `v0=${"0".repeat(64)}` },
        })
      ).status,
    ).toBe(401);
    await expectNothingWritten();
  });

  it("refuses a body changed after signing (forged workspace or user id)", async () => {
    const body = command();
    const signed = slackHeaders(SIGNING_SECRET, body, p.h.clock.now());
    const forged = body.replace(`team_id=${TEAM}`, "team_id=T0VICTIM").replace("user_id=U0OWNER", "user_id=U0BOSS");
    const res = await p.slackPost(forged, { sign: false, headers: signed });
    expect(res.status).toBe(401);
    await expectNothingWritten();
  });

  it("refuses requests signed more than five minutes ago or ahead (401)", async () => {
    const now = Math.floor(p.h.clock.now().getTime() / 1000);
    expect((await p.slackPost(command(), { timestamp: now - 301 })).status).toBe(401);
    expect((await p.slackPost(command(), { timestamp: now + 301 })).status).toBe(401);
    await expectNothingWritten();
  });

  it("applies a replayed request once, and refuses it once its signature has expired", async () => {
    await p.slackCommand("add acme ACME Corp");
    const body = p.slackCommandBody("late acme replayed");
    const timestamp = Math.floor(p.h.clock.now().getTime() / 1000);
    for (let i = 0; i < 3; i++) expect((await p.slackPost(body, { timestamp })).status).toBe(200);
    p.h.clock.advance(6 * 60_000);
    expect((await p.slackPost(body, { timestamp })).status).toBe(401);
    expect(await storedNotes(p.h.db.db)).toEqual(["replayed"]);
  });

  it("answers malformed bodies with 400 and writes nothing", async () => {
    const bodies: [string, string][] = [
      ["{not json", "application/json"],
      ['{"type":', "application/json"],
      ["payload=%7Bnot-json", "application/x-www-form-urlencoded"],
      ["payload=%5B%5D%5D", "application/x-www-form-urlencoded"],
    ];
    for (const [body, contentType] of bodies) {
      const res = await p.slackPost(body, { contentType });
      expect(res.status, body).toBe(400);
      expect(res.text).toBe("");
    }
    await expectNothingWritten();
  });

  it("answers signed bodies that are not Slack payloads without writing anything", async () => {
    const bodies: [string, string][] = [
      ["", "application/x-www-form-urlencoded"],
      ["a=1&b=2", "application/x-www-form-urlencoded"],
      ["[]", "application/json"],
      ["null", "application/json"],
      ['{"type":"event_callback","event":{"type":"nonsense"}}', "application/json"],
      ["\u0000\u0001\u0002", "application/octet-stream"],
    ];
    for (const [body, contentType] of bodies) {
      // Slack waits 3 seconds for an answer, then retries: an answer must come before that.
      const res = await Promise.race([
        p.slackPost(body, { contentType }),
        new Promise<{ status: number }>((resolve) => setTimeout(() => resolve({ status: 0 }), 3_500)),
      ]);
      expect(res.status, `${JSON.stringify(body)} answered`).toBeGreaterThan(0);
      expect(res.status, body).toBeLessThan(500);
    }
    await expectNothingWritten();
    expectNoLeak();
  });

  it("refuses an oversized body with 413 before reading or verifying it", async () => {
    const huge = `text=${"a".repeat(1024 * 1024 + 1)}`;
    expect((await p.slackPost(huge, { sign: false })).status).toBe(413);
    expect((await p.slackPost(huge)).status).toBe(413);
    // A declared length over the limit is refused at once, whatever follows.
    const declared = await fetch(`${p.slackUrl}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(50 * 1024 * 1024) },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("text=a"));
        },
      }),
      duplex: "half",
    } as RequestInit).catch(() => undefined);
    expect(declared === undefined || declared.status === 413).toBe(true);
    await expectNothingWritten();
    expect(p.logs.join("\n")).not.toContain("aaaaaaaaaa");
  });

  it("refuses other methods (405) and unknown paths (404)", async () => {
    expect((await fetch(`${p.slackUrl}/slack/events`)).status).toBe(405);
    expect((await fetch(`${p.slackUrl}/slack/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${p.slackUrl}/slack/install`)).status).toBe(404);
    await expectNothingWritten();
  });

  it("never logs a signing secret, a token or a request body", async () => {
    await p.slackPost(command(), { sign: "wrong" });
    await p.slackPost(command(), { timestamp: 1 });
    await p.slackCommand("add acme ACME Corp");
    await p.slackCommand("late acme a private remark about the client");
    expect(p.logs.join("\n")).not.toContain("private remark");
    expectNoLeak();
  });
});
