import { describe, expect, it } from "vitest";
import { slashCommand } from "../discord/payloads.ts";
import { discordHeaders, discordKeys } from "../support/signed-requests.ts";
import { leaks, rowCounts, storedNotes } from "./support/hostile-notes.ts";
import { SECRETS, usePlatforms } from "./support/platforms.ts";

/**
 * Hostile requests to Discord's interactions endpoint: every request gets a clear answer,
 * nothing is written unless it was a valid signed interaction, and nothing of Tact's internals
 * or secrets reaches Discord or the logs. Hostile notes, and mentions that must ping nobody, go
 * through every adapter in test/contract/adapter-contract.test.ts.
 */
const p = usePlatforms();

function expectNoLeak(): void {
  const text = [JSON.stringify(p.discordApi.calls.map((c) => c.body)), ...p.logs].join("\n");
  for (const leak of leaks) expect(text).not.toMatch(leak);
  for (const [name, secret] of Object.entries(SECRETS)) expect(p.logs.join("\n"), name).not.toContain(secret);
}

describe("hostile requests to /discord/interactions", () => {
  const payload = () => JSON.stringify(slashCommand("add", { slug: "acme", name: "ACME Corp" }));

  async function expectNothingWritten(): Promise<void> {
    expect(Object.entries(await rowCounts(p.h.db.db)).filter(([, n]) => n > 0)).toEqual([]);
    expect(p.discordApi.calls).toEqual([]);
  }

  it("refuses unsigned, wrongly signed and tampered requests (401), whatever ids they claim", async () => {
    const body = payload();
    expect((await p.discordPost(body, { "content-type": "application/json" })).status).toBe(401);
    expect((await p.discordPost(body, discordHeaders(discordKeys().privateKey, body, p.h.clock.now()))).status).toBe(
      401,
    );
    const forged = body.replaceAll("1130000000000000001", "1130000000000000666");
    const res = await p.discordPost(forged, { ...discordHeaders(discordKeys().privateKey, body, p.h.clock.now()) });
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/Error|at /);
    const malformed = await p.discordPost(body, {
      "content-type": "application/json",
      "x-signature-ed25519": "zz".repeat(64),
      "x-signature-timestamp": "1764237600",
    });
    expect(malformed.status).toBe(401);
    await expectNothingWritten();
  });

  it("applies a replayed interaction once, however many times it comes", async () => {
    await p.discordSend(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
    const late = slashCommand("late", { client: "acme", note: "replayed" });
    for (let i = 0; i < 3; i++) expect((await p.discordSend(late)).status).toBe(200);
    // The same interaction signed again minutes later (inside the window) is still applied once.
    const later = String(Math.floor(p.h.clock.now().getTime() / 1000) + 240);
    expect((await p.discordSend(late, later)).status).toBe(200);
    // An old capture, signed two days ago, is refused outright.
    const old = String(Math.floor(p.h.clock.now().getTime() / 1000) - 2 * 86_400);
    expect((await p.discordSend(late, old)).status).toBe(401);
    expect(await storedNotes(p.h.db.db)).toEqual(["replayed"]);
  });

  it("answers signed bodies that are not interactions with 400 and writes nothing", async () => {
    for (const body of ["{not json", "[]", "null", '"text"', '{"type":"1"}', "{}", ""]) {
      const res = await p.discordSigned(body);
      expect(res.status, body).toBe(400);
      expect(res.text).not.toMatch(/Error|at |SyntaxError/);
    }
    await expectNothingWritten();
  });

  it("answers interactions of unknown types or commands without writing anything", async () => {
    const unknown = [
      { ...slashCommand("help"), type: 99 },
      { ...slashCommand("help"), data: { id: "1", name: "not-ours", type: 1, options: [] } },
      { ...slashCommand("help"), data: { id: "1", name: "client", type: 1, options: [{ name: "nope", type: 1 }] } },
      { ...slashCommand("help"), member: undefined, user: undefined },
    ];
    for (const payload of unknown) {
      const res = await p.discordSend(payload);
      expect(res.status).toBeLessThan(500);
      expect(res.answer).not.toMatch(/Something went wrong/);
    }
    const counts = await rowCounts(p.h.db.db);
    expect((counts.incidents ?? 0) + (counts.clients ?? 0)).toBe(0);
    expectNoLeak();
  });

  it("refuses an oversized body with 413 before verifying it", async () => {
    const huge = JSON.stringify({ type: 2, padding: "a".repeat(1024 * 1024 + 1) });
    expect((await p.discordPost(huge, { "content-type": "application/json" })).status).toBe(413);
    await expectNothingWritten();
    expect(p.logs.join("\n")).not.toContain("aaaaaaaaaa");
  });

  it("refuses other methods (405)", async () => {
    expect((await fetch(`${p.discordUrl}/discord/interactions`)).status).toBe(405);
    await expectNothingWritten();
  });
});
