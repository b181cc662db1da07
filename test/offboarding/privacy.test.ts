import { describe, expect, it } from "vitest";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { effectsText, invocation, silentLog, useHarness } from "../support/harness.ts";
import { addInvoice, count, setClient, submit, text } from "./offboarding-support.ts";

// A Friday: the digest (09:00, Monday to Friday) is due.
const h = useHarness("2026-11-27T10:00:00Z");

/** ACME (about to be let go) and Globex, each with an overdue invoice and incidents. */
async function twoClients(locale: "en" | "fr" = "en"): Promise<void> {
  // The workspace is first seen before the day's 09:00 digest, so today's digest is due.
  h.clock.set("2026-11-27T08:00:00Z");
  await h.run("/client add acme ACME Corp");
  await h.run("/client add globex Globex");
  if (locale === "fr") await h.run("/client config lang fr");
  for (const slug of ["acme", "globex"]) await setClient(h.db.db, slug, { terms: { law: "fr" } });
  await addInvoice(h.db.db, "acme", {
    number: "INV-7",
    amountMinor: 200_000,
    issuedOn: "2026-09-01",
    dueOn: "2026-10-01",
  });
  await addInvoice(h.db.db, "acme", {
    number: "INV-10",
    amountMinor: 50_000,
    issuedOn: "2026-11-20",
    dueOn: "2026-12-01",
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

/** The owner opens the wizard and goes as far as the letters: notes and drafts are now on record. */
async function ownerWorksOnTheWizard(): Promise<void> {
  await h.run("/client offboard acme");
  await submit(h, "wizard-form:1:1:conversation", { notes: "Called Dana about the payments." });
  await h.run("press wizard:1:2:done");
  await h.run("press wizard:1:3:reason:late");
  await h.run("press wizard:1:3:done");
}

/** One scheduler tick; what it posted to channels. */
async function posted(at: string): Promise<string> {
  h.clock.set(at);
  const { adapter, output } = h.console();
  await runTick({ db: h.db.db, clock: h.clock, log: silentLog, outboxes: [adapter.outbox()], instanceId: at });
  return output.filter((l) => /^\[#[a-z]/.test(l)).join("\n");
}

/** Everything a team member can read about the clients: card, list, invoices, digest, App Home, autocomplete. */
async function whatSamReads() {
  const sam = { user: "sam" };
  const say = (line: string) => h.say(line, sam);
  return {
    card: await say("/client show acme"),
    list: await say("/client list"),
    invoices: await say("/client invoices"),
    // The digest as the scheduler would post it now (the same data and builder), privately.
    digest: await say("/client digest"),
    home: effectsText(await h.handle({ ...invocation("", sam), input: { kind: "home" } })),
    clientChoices: await h.core.complete({
      ...invocation("", sam),
      input: { kind: "autocomplete", verb: "late", option: "client", partial: "ac" },
    }),
    invoiceChoices: await h.core.complete({
      ...invocation("", sam),
      input: { kind: "autocomplete", verb: "paid", option: "invoice", partial: "INV" },
    }),
  };
}

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("while a client is being let go, the team sees and uses it as before (issue #14 §3)", () => {
  for (const locale of ["en", "fr"] as const) {
    it(`a member sees exactly the same card, list, invoices and digest as without the wizard, and keeps using the client (${locale})`, async () => {
      await twoClients(locale);
      const without = await whatSamReads();
      await ownerWorksOnTheWizard();
      const during = await whatSamReads();
      expect(during).toEqual(without);
      // What they see is the client itself: not an empty answer that happens to match.
      expect(plain(during.card)).toMatch(locale === "en" ? /late payment: 1 \/ 1/ : /retard de paiement ?: 1 \/ 1/);
      expect(during.list).toContain("ACME Corp (acme)");
      expect(during.invoices).toContain("INV-7");
      expect(during.digest).toContain("INV-7");
      expect(during.clientChoices).toEqual([{ label: "ACME Corp (acme)", value: "acme" }]);

      // The scheduled digest and the overdue alerts post ACME's invoice in the channel.
      const channel = await posted("2026-11-27T10:00:00Z");
      expect(channel).toMatch(/== (Overdue|Retard)\s?: INV-7 \(ACME Corp\) ==/);
      expect(channel).toContain("INV-7 · ");
      // Logging, the slug, reminders and the digest's buttons work as for any client.
      const sam = { user: "sam" };
      expect(await h.say("/client add acme Another ACME", sam)).toContain(
        locale === "en" ? "already taken by ACME Corp" : "déjà pris par ACME Corp",
      );
      expect(await h.say("/client late acme INV-7 still nothing", sam)).toContain("ACME Corp");
      expect(await h.say("/client show acme", sam)).toContain("still nothing");
      expect(await h.say("/client remind INV-7", sam)).toContain("INV-7 (ACME Corp)");
      expect(await h.say("press digest-snooze:1", sam)).toContain("INV-7");

      // Nothing of the wizard, its notes or its letters reaches them.
      const all = JSON.stringify(during) + channel;
      expect(all.match(/offboard|letting|let go|séparation|Called Dana|collaboration|being let go/gi) ?? []).toEqual(
        [],
      );
    });
  }

  it("the owner's command and every step stay out of channels", async () => {
    await twoClients();
    const effects = await h.run("/client offboard acme");
    expect(effects.filter((e) => e.type === "post")).toEqual([]);
    expect(effects.filter((e) => e.type === "dm").every((e) => e.type === "dm" && e.userId === "owner")).toBe(true);
    const opened = text(effects);
    expect(opened).toContain("Only you see this wizard, its notes and its letters. For the team nothing changes");
  });

  it("the wizard's pages, notes and export stay the owner's: a member pressing or exporting is refused", async () => {
    await twoClients();
    await ownerWorksOnTheWizard();
    for (const press of ["wizard:1:4:done", "wizard:1:4:back", "wizard:1:4:pause"]) {
      const refused = await h.say(`press ${press}`, { user: "sam" });
      expect(refused).not.toMatch(/Called Dana|Dear ACME|Step \d of 8/);
    }
    const exported = await h.say("/client export acme", { user: "sam" });
    expect(exported).not.toMatch(/Called Dana|Dear ACME|Written record/);
    expect(await count(h.db.db, "offboardings", "current_step = 4")).toBe(1);
  });

  it("once the client is a former client, the digest still chases what it owes, and the team is told only the neutral note", async () => {
    await twoClients();
    await ownerWorksOnTheWizard();
    await h.run("press wizard:1:4:done");
    await h.run("press wizard:1:5:chase");
    await h.run("press wizard:1:6:record");
    const noNote = await h.run("press wizard:1:7:nopost");
    expect(noNote.filter((e) => e.type === "post")).toEqual([]);
    await submit(h, "wizard-form:1:8:skip", { reason: "Later." });

    const after = await posted("2026-11-30T09:00:00Z");
    expect(after).toContain("INV-7");
    expect(after).not.toMatch(/offboard|let go|letting|shouted|Called Dana/i);
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
