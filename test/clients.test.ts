import { describe, expect, it } from "vitest";
import { effectsText, useHarness } from "./support/harness.ts";

const h = useHarness();

describe("clients", () => {
  it("adds a client, confirms with its name and slug", async () => {
    expect(await h.say("/client add acme ACME Corp")).toContain("Added ACME Corp (acme)");
  });

  it("finds a client case-insensitively by slug, alias or display name", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client alias acme acme-corp");
    for (const name of ["ACME", "acme-corp", "Acme-Corp", '"acme corp"']) {
      expect(await h.say(`/client late ${name}`)).toContain("Logged late payment for ACME Corp");
    }
    expect(await h.say("/client show acme corp")).toContain("late payment: 4 / 4");
  });

  it("refuses an alias that is already another client's slug", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    expect(await h.say("/client alias acme globex")).toContain('"globex" already refers to Globex');
  });

  it("refuses a slug that is already another client's alias", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client alias acme acme-corp");
    expect(await h.say("/client add acme-corp Another")).toContain("already taken by ACME Corp");
  });

  it("renames a client, keeping its slug and record", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client late acme");
    expect(await h.say("/client rename acme ACME Corporation")).toContain("Renamed ACME Corp to ACME Corporation");
    const card = await h.say("/client show acme");
    expect(card).toContain("ACME Corporation (acme)");
    expect(card).toContain("late payment: 1 / 1");
  });

  it("lists clients with the most recent trouble first, quiet ones last", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex");
    await h.run("/client add initech Initech");
    await h.run("/client late globex");
    h.clock.advance(60_000);
    await h.run("/client scope acme added a page");
    const text = await h.say("/client list");
    const order = ["ACME Corp", "Globex", "Initech"].map((n) => text.indexOf(n));
    expect(order[0]).toBeLessThan(order[1] ?? 0);
    expect(order[1]).toBeLessThan(order[2] ?? 0);
    expect(text).toContain(
      "Initech (initech): ok: no late payment in the last 12 months and no trouble in the last 90 days · no incidents",
    );
    expect(text).toContain("Globex (globex): watch: one late payment in the last 12 months (logged 27 Nov 2026)");
    expect(text).toContain("Clients (3)");
  });

  it("says how to add a client when there are none", async () => {
    expect(await h.say("/client list")).toContain("/client add acme ACME Corp");
  });
});

describe("the client card", () => {
  it("counts by kind over 90 days and all time, names reporters, and advises with reasons", async () => {
    h.clock.set("2026-06-01T09:00:00Z");
    await h.run("/client add acme ACME Corp");
    await h.run("/client late acme", { user: "sam" });
    h.clock.set("2026-10-01T09:00:00Z");
    await h.run("/client late acme INV-12", { user: "alex" });
    h.clock.set("2026-11-20T09:00:00Z");
    await h.run("/client late acme", { user: "sam" });
    await h.run("/client scope acme added a blog section", { user: "sam" });
    h.clock.set("2026-11-27T09:00:00Z");
    const card = await h.say("/client show acme");
    expect(card).toContain("== ACME Corp (acme) ==");
    expect(card).toContain("late payment: 2 / 3");
    expect(card).toContain("scope creep: 1 / 1");
    expect(card).toMatch(/20 Nov 2026, \d\d:\d\d · scope creep · by sam: added a blog section/);
    expect(card).toContain("late payment (invoice INV-12) · by alex");
    // Three separate late payments over six months are a pattern: the advice says so, with counts and dates.
    expect(card).toContain("3 separate late payments in the last 12 months (from 1 Jun 2026 to 20 Nov 2026)");
    expect(card).toContain("Renegotiate");
  });

  it("treats a single late payment as a nudge", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client late acme");
    expect(await h.say("/client show acme")).toContain("likely an accounting slip");
  });

  it("says when nothing is recorded", async () => {
    await h.run("/client add acme ACME Corp");
    const card = await h.say("/client show acme");
    expect(card).toContain("No incidents recorded.");
    expect(card).toContain("occasional problems are normal");
  });
});

describe("undo", () => {
  it("withdraws the invoker's own last incident within 10 minutes, and audits it", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client late acme", { user: "sam" });
    await h.run("/client scope acme added a page", { user: "sam" });
    h.clock.advance(9 * 60_000);
    const asked = await h.say("/client undo", { user: "sam" });
    expect(asked).toContain("This withdraws the scope creep for ACME Corp");
    const confirm = /\[press (undo-do:\d+)\]/.exec(asked)?.[1];
    expect(await h.say(`press ${confirm}`, { user: "sam" })).toContain("Withdrawn: the scope creep for ACME Corp");
    const card = await h.say("/client show acme");
    expect(card).not.toContain("scope creep");
    expect(card).toContain("late payment: 1 / 1");
  });

  it("does not withdraw someone else's incident or one older than 10 minutes", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client late acme", { user: "sam" });
    expect(await h.say("/client undo", { user: "alex" })).toContain("nothing to undo");
    h.clock.advance(11 * 60_000);
    expect(await h.say("/client undo", { user: "sam" })).toContain("nothing to undo");
    expect(await h.say("/client show acme")).toContain("late payment: 1 / 1");
  });

  it("offers an Undo button that only its reporter can use", async () => {
    await h.run("/client add acme ACME Corp");
    const effects = await h.run("/client late acme", { user: "sam" });
    const id = /\[press (undo:\d+)\]/.exec(effectsText(effects))?.[1];
    expect(id).toBeDefined();
    expect(await h.say(`press ${id}`, { user: "alex" })).toContain("it is theirs to undo");
    expect(await h.say(`press ${id}`, { user: "sam" })).toContain("Withdrawn");
    expect(await h.say(`press ${id}`, { user: "sam" })).toContain("was already withdrawn");
  });
});
