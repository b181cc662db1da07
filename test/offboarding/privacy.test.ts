import { describe, expect, it } from "vitest";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { invocation, silentLog, useHarness } from "../support/harness.ts";
import { addInvoice, count, setClient, submit, text } from "./offboarding-support.ts";

// A Friday: the digest (09:00, Monday to Friday) is due.
const h = useHarness("2026-11-27T10:00:00Z");

/** ACME (being let go) and Globex, each with an overdue invoice and incidents. */
async function twoClients(): Promise<void> {
  // The workspace is first seen before the day's 09:00 digest, so today's digest is due.
  h.clock.set("2026-11-27T08:00:00Z");
  await h.run("/client add acme ACME Corp");
  await h.run("/client add globex Globex");
  for (const slug of ["acme", "globex"]) await setClient(h.db.db, slug, { terms: { law: "fr" } });
  await addInvoice(h.db.db, "acme", {
    number: "INV-7",
    amountMinor: 200_000,
    issuedOn: "2026-09-01",
    dueOn: "2026-10-01",
  });
  await addInvoice(h.db.db, "globex", {
    number: "INV-8",
    amountMinor: 90_000,
    issuedOn: "2026-09-01",
    dueOn: "2026-10-01",
  });
  await h.run("/client late acme INV-7", { user: "sam" });
  await h.run("/client conduct acme shouted at Lea", { user: "sam" });
  await h.run("/client late globex INV-8", { user: "sam" });
  h.clock.set("2026-11-27T10:00:00Z");
}

/** One scheduler tick; what it posted to channels. */
async function posted(at: string): Promise<string> {
  h.clock.set(at);
  const { adapter, output } = h.console();
  await runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [adapter.outbox()], instanceId: at });
  return output.filter((l) => /^\[#[a-z]/.test(l)).join("\n");
}

/** Everything about ACME that must not reach the team while it is being let go. */
const acme = /acme|ACME|INV-7|shouted|offboard|let go|letting/i;
/** The same, for answers that may echo what was typed ("acme", "INV-7"). */
const acmeBeyondEcho = /ACME Corp|€2,000|shouted|offboard|let go|letting|former/i;

describe("while a client is being let go, the team sees nothing of it", () => {
  it("the owner's command and every step stay out of channels", async () => {
    await twoClients();
    const effects = await h.run("/client offboard acme");
    expect(effects.filter((e) => e.type === "post")).toEqual([]);
    expect(effects.filter((e) => e.type === "dm").every((e) => e.type === "dm" && e.userId === "owner")).toBe(true);
  });

  it("the card, the list, autocomplete and logging answer as if the client did not exist", async () => {
    await twoClients();
    await h.run("/client offboard acme");
    const card = await h.say("/client show acme", { user: "sam" });
    expect(card).toContain(`I don't know a client called "acme".`);
    expect(card).not.toMatch(/ACME Corp|offboard|let go|former/);
    const byName = await h.say("/client show ACME Corp", { user: "sam" });
    expect(byName).not.toContain("Status");

    const list = await h.say("/client list", { user: "sam" });
    expect(list).toContain("Globex");
    expect(list).not.toMatch(acme);
    expect(await h.say("/client list")).toContain("ACME Corp");

    const choices = await h.core.complete({
      ...invocation("", { user: "sam" }),
      input: { kind: "autocomplete", verb: "late", option: "client", partial: "ac" },
    });
    expect(choices).toEqual([]);

    // Nor do the invoice commands, the digest preview, or a digest button pressed with ACME's invoice id.
    for (const line of ["/client invoices", "/client invoices acme", "/client paid INV-7", "/client digest"]) {
      expect(await h.say(line, { user: "sam" })).not.toMatch(acmeBeyondEcho);
    }
    for (const press of ["digest-paid:1", "digest-remind:1", "digest-snooze:1"]) {
      expect(await h.say(`press ${press}`, { user: "sam" })).not.toMatch(acme);
    }

    const late = await h.say("/client late acme again", { user: "sam" });
    expect(late).toContain(`I don't know a client called "acme".`);
    expect(await count(h.db.db, "incidents", "note = 'again'")).toBe(0);
  });

  it("the digest and the overdue alerts leave it out, then include it again once it is a former client", async () => {
    await twoClients();
    await h.run("/client offboard acme");
    const during = await posted("2026-11-27T10:00:00Z");
    expect(during).toContain("Globex");
    expect(during).toContain("INV-8");
    expect(during).not.toMatch(acme);

    // The owner finishes, keeping up the chase: reminders for ACME's unpaid invoice continue.
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    for (const step of [2, 3, 4]) await h.run(`press wizard:1:${step}:done`);
    await h.run("press wizard:1:5:chase");
    await h.run("press wizard:1:6:record");
    const noNote = await h.run("press wizard:1:7:nopost");
    expect(noNote.filter((e) => e.type === "post")).toEqual([]);
    await submit(h, "wizard-form:1:8:skip", { reason: "Later." });

    const after = await posted("2026-11-30T09:00:00Z");
    expect(after).toContain("INV-7");
    expect(after).not.toMatch(/offboard|let go|letting|shouted/i);
    expect(await h.say("/client list", { user: "sam" })).toContain("ACME Corp — former client");
    expect(await h.say("/client show acme", { user: "sam" })).toContain("Status: former client");
  });

  it("says nothing to the team when someone else tries, not even that someone tried", async () => {
    await twoClients();
    const effects = await h.run("/client offboard acme", { user: "sam", channel: "general" });
    expect(effects.map((e) => e.type)).toEqual(["reply"]);
    expect(text(effects)).not.toMatch(/ACME Corp/);
    expect(await posted("2026-11-27T10:00:00Z")).not.toMatch(/offboard|let go|letting|refused|tried/i);
  });
});
