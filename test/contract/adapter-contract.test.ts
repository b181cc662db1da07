import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { audits } from "../offboarding/offboarding-support.ts";
import { hostileNotes, leaks, rowCounts, storedNotes } from "../reliability/support/hostile-notes.ts";
import { consoleDriver } from "./console-driver.ts";
import { discordDriver } from "./discord-driver.ts";
import { command, type Driver, useContract } from "./driver.ts";
import { slackDriver } from "./slack-driver.ts";

/**
 * The same scenarios through every adapter, each driven as its platform drives it (see
 * driver.ts). What is asserted is what people notice: the text they are shown, who got a direct
 * message, what was posted in a channel, and what was written in the database.
 */
const c = useContract();
const db = () => c.h.db.db;

const add = (slug = "acme", name = "ACME Corp") => command("add", { slug, name });
const late = (client = "acme", note?: string) => command("late", { client, ...(note === undefined ? {} : { note }) });

async function rows<T>(query: string): Promise<T[]> {
  return queryRows<T>(db(), sql.raw(query));
}

/** The workspace, made by a first command, with its team channel and a creation date in the past. */
async function workspaceWithTeamChannel(d: Driver): Promise<void> {
  await d.send(add());
  await db().execute(
    sql`update workspaces set digest_channel = ${d.teamChannel}, created_at = '2020-01-01T00:00:00Z' where external_id = ${d.workspace}`,
  );
}

/** The wizard as stored: where it stands, and what was written in it. */
const wizard = () =>
  rows<{ state: string; current_step: number; steps: unknown; texts: unknown }>(
    "select state, current_step, steps, texts from offboardings",
  );

/** A statement failing as PostgreSQL fails them when it goes away (admin shutdown). */
function outage(statement: string): void {
  if (/^(begin|rollback)/i.test(statement)) return;
  throw Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
}

describe.each([
  ["console", consoleDriver],
  ["Slack", slackDriver],
  ["Discord", discordDriver],
])("the %s adapter", (_name, driver) => {
  const d = driver(c);

  it("logs an incident privately, with its Undo button, and shows it on the client's card", async () => {
    expect(await d.send(add())).toContain("Added ACME Corp");
    const logged = await d.send(command("late", { client: "acme", invoice: "INV-7" }), { who: "member" });
    expect(logged).toContain("Logged late payment (invoice INV-7) for ACME Corp.");
    expect(logged).toContain("Undo");
    expect(d.shownAs()).toEqual(["private"]);
    expect(await rows("select reporter_id, source from incidents")).toEqual([
      { reporter_id: d.ids.member, source: d.name },
    ]);
    const card = await d.send(command("show", { client: "acme" }));
    expect(card).toContain("ACME Corp (acme)");
    expect(card).toContain("late payment");
    expect(card).toContain("What the playbook advises");
    expect([...d.dms("owner"), ...d.dms("member"), ...d.posted(d.teamChannel)]).toEqual([]);
    // The reporter's Undo, under the confirmation, withdraws it.
    expect(await d.press("undo:1", { who: "member" })).toContain(
      "Withdrawn: the late payment (invoice INV-7) for ACME Corp.",
    );
    expect(await rows("select count(*)::int as n from incidents where withdrawn_at is not null")).toEqual([{ n: 1 }]);
  });

  it("answers an unknown client with the near ones, and records nothing", async () => {
    await d.send(add());
    await d.send(add("acme-uk", "ACME UK"));
    const answer = await d.send(late("acm"));
    expect(answer).toContain(`I don't know a client called "acm". Did you mean acme (ACME Corp) or acme-uk (ACME UK)?`);
    expect(answer).toContain("Nothing was recorded.");
    expect(await storedNotes(db())).toEqual([]);
  });

  it("logs a client's message as evidence, with its author and link, shown on the card without notifying anyone", async () => {
    await d.send(add());
    const said = `${d.mentions.typed} redo it all for free by Monday`;
    expect(await d.logMessage(said, "conduct", { who: "member" })).toContain("Logged disrespect / tension for");
    const kept = await rows(
      "select text, author_id, link, kind, reporter_id from evidence e join incidents i on i.id = e.incident_id",
    );
    expect(kept).toEqual([
      { text: said, author_id: d.quoted.authorId, link: d.quoted.link, kind: "conduct", reporter_id: d.ids.member },
    ]);
    const card = await d.send(command("show", { client: "acme" }), { who: "member" });
    expect(card).toContain("redo it all for free by Monday");
    expect(card).toContain(d.quoted.author);
    expect(d.pings()).toEqual([]);
  });

  it("takes a form: a day it cannot use is refused with the reason and nothing recorded, a good one is", async () => {
    await workspaceWithTeamChannel(d);
    await d.send(late(), { who: "member" });
    await d.send(command("offboard", { client: "acme" }));
    await d.press("wizard:1:1:conversation", { dm: true });
    await d.submit({ notes: "We talked" }, { dm: true });
    for (const step of ["2:done", "3:reason:late", "3:done", "4:done"]) await d.press(`wizard:1:${step}`, { dm: true });
    // The kept letters wait in the DM under "I sent it"; a member's forged press opens nothing.
    expect(await d.press("letter-sent:1:why", { dm: true, by: "member" })).toContain("Nothing was changed");
    await expect(d.submit({ date: "2026-11-27", channel: "email" }, { who: "member" })).rejects.toThrow("no form");

    await d.press("letter-sent:1:why", { dm: true });
    const refused = await d.submit({ date: "2030-01-01", channel: "email" }, { dm: true });
    expect(refused).toContain("1 Jan 2030 is in the future: give the day it was sent. Nothing was recorded.");
    expect(await audits(db(), "offboarding.letter-sent")).toEqual([]);

    await d.press("letter-sent:1:why", { dm: true });
    const recorded = await d.submit({ date: "2026-11-27", channel: "email" }, { dm: true });
    expect(recorded).toContain("went to the client on 27 Nov 2026 by email");
    expect(await audits(db(), "offboarding.letter-sent")).toEqual([
      {
        actorId: d.ids.owner,
        details: expect.objectContaining({ letter: "why", sentOn: "2026-11-27", channel: "email" }),
      },
    ]);
  });

  it("refuses a member the Undo button under the owner's incident, and keeps the incident", async () => {
    await d.send(add());
    await d.send(late());
    const refused = await d.press("undo:1", { by: "member" });
    expect(refused).toContain("it is theirs to undo, so nothing was withdrawn");
    expect(await rows("select count(*)::int as n from incidents where withdrawn_at is null")).toEqual([{ n: 1 }]);
  });

  describe.each(["en", "fr"] as const)("undo and Mark paid (%s)", (lang) => {
    const t = catalogFor(lang);
    const fmt = createFormatter(lang, d.timezone);
    const inv9 = { client: "acme", number: "INV-9", amount: "2000", currency: "EUR", due: "2026-10-15" };
    const ledger = () =>
      rows(`select i.status,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is null) as active,
        (select count(*)::int from payments p where p.invoice_id = i.id and p.reversed_at is not null) as reversed
        from invoices i where i.number = 'INV-9'`);

    async function setUp(): Promise<void> {
      await workspaceWithTeamChannel(d);
      if (lang === "fr") await d.send(command("lang", { lang: "fr" }, { group: "config", text: "config lang fr" }));
      const text = "invoice acme INV-9 2000 EUR issued 2026-10-01 due 2026-10-15";
      await d.send(command("invoice", { ...inv9, issued: "2026-10-01" }, { group: "billing", text }));
    }

    // The console has no forms of its own: it prints the command's syntax instead.
    it.skipIf(d.name === "console")("records an invoice from its form as from the typed command", async () => {
      await d.send(add());
      if (lang === "fr") await d.send(command("lang", { lang: "fr" }, { group: "config", text: "config lang fr" }));
      await d.send(command("currency", { currency: "EUR" }, { group: "config", text: "config currency EUR" }));
      await d.send(command("invoice", {}, { group: "billing" }));
      const amount = lang === "fr" ? "1 200,50" : "1,200.50";
      const answer = await d.submit({
        client: "acme",
        number: "INV-7",
        amount,
        issued: "2026-11-01",
        due: "2026-12-01",
      });
      const [issued, due] = [fmt.date(new Date("2026-11-01T12:00:00Z")), fmt.date(new Date("2026-12-01T12:00:00Z"))];
      expect(answer).toContain(
        t.invoices.recorded({ number: "INV-7", client: "ACME Corp", amount: fmt.money(120_050, "EUR"), issued, due }),
      );
      expect(
        await rows("select number, amount_minor::int, currency, issued_on::text, due_on::text from invoices"),
      ).toEqual([
        { number: "INV-7", amount_minor: 120_050, currency: "EUR", issued_on: "2026-11-01", due_on: "2026-12-01" },
      ]);
    });

    it("asks privately before undoing a payment, tells anyone else it is not theirs, then withdraws it in place of the question", async () => {
      await setUp();
      await d.send(command("paid", { invoice: "INV-9" }, { group: "billing" }), { who: "member" });
      const question = await d.send(command("undo"), { who: "member" });
      expect(d.shownAs()).toEqual(["private"]);
      const now = c.h.clock.now();
      const amount = fmt.money(200_000, "EUR");
      const what = t.undo.what.payment({ amount, number: "INV-9", client: "ACME Corp", date: fmt.date(now) });
      expect(question).toContain(t.undo.confirm({ what, time: fmt.dateTime(now) }));
      expect(question).toContain(t.undo.confirmButton);
      expect(question).toContain(t.undo.keepButton);
      expect(await ledger()).toEqual([{ status: "paid", active: 1, reversed: 0 }]);

      const other = await d.press("undo-do:", { who: "member", by: "owner" });
      expect(other).toContain(t.undo.theirs({ what, who: d.names.member }));
      expect(d.shownAs()).toEqual(["private"]);
      expect(await ledger()).toEqual([{ status: "paid", active: 1, reversed: 0 }]);

      const done = await d.press("undo-do:", { who: "member" });
      expect(done).toContain(t.undo.done({ what }));
      expect(done).not.toContain(t.undo.confirmButton);
      expect(d.shownAs()).toEqual(["update"]);
      expect(await ledger()).toEqual([{ status: "open", active: 0, reversed: 1 }]);
    });

    it("Mark paid under the digest asks the presser privately, naming the invoice and amount, then records it", async () => {
      await setUp();
      c.h.clock.set("2026-11-30T09:00:00Z");
      await d.tick();
      const question = await d.press("digest-paid:1", { who: "member" });
      expect(d.shownAs()).toEqual(["private"]);
      const amount = fmt.money(200_000, "EUR");
      const date = fmt.date(c.h.clock.now());
      expect(question).toContain(t.undo.markPaid.confirm({ number: "INV-9", client: "ACME Corp", amount, date }));
      expect(await ledger()).toMatchObject([{ status: "open", active: 0 }]);

      expect(await d.press("digest-paid-ok:1:200000", { who: "member" })).toContain("INV-9");
      expect(d.shownAs()).toEqual(["update"]);
      expect(await ledger()).toMatchObject([{ status: "paid", active: 1 }]);
    });
  });

  it("runs the owner-only wizard in the owner's DM, refuses a member, and posts only the neutral team note", async () => {
    await workspaceWithTeamChannel(d);
    await d.send(late(), { who: "member" });

    const refused = await d.send(command("offboard", { client: "acme" }), { who: "member" });
    expect(refused).toMatch(/Only the workspace owner \(.+\) can let a client go/);
    expect(d.shownAs()).toEqual(["private"]);
    expect([...d.dms("owner"), ...d.dms("member")]).toEqual([]);

    expect(await d.send(command("offboard", { client: "acme" }))).toContain("Continuing in a direct message");
    expect(d.dms("owner").join("\n")).toContain("Letting ACME Corp go");

    await d.press("wizard:1:1:conversation", { dm: true });
    await d.submit({ notes: "Told them payments must be on time" }, { dm: true });
    // A member forging a press of the owner's button is refused, and nothing moves.
    const before = d.dms("owner").length;
    expect(await d.press("wizard:1:2:done", { dm: true, by: "member" })).toContain("Nothing was changed");
    expect(d.dms("owner")).toHaveLength(before);

    for (const step of ["2:done", "3:reason:late", "3:done", "4:own"]) await d.press(`wizard:1:${step}`, { dm: true });
    await d.submit({ text: "Dear ACME,\nwe are ending our collaboration." }, { dm: true });
    await d.press("wizard:1:5:done", { dm: true });
    // The written record, as Markdown and as a PDF that names the Markdown's hash.
    await d.press("wizard:1:6:record", { dm: true });
    const [markdown, pdf] = d.files("owner");
    expect(d.files("owner").map((f) => f.name)).toEqual(["acme-record-2026-11-27.md", "acme-record-2026-11-27.pdf"]);
    expect(markdown?.bytes.toString("utf8")).toContain("ACME Corp");
    const loaded = await PDFDocument.load(pdf?.bytes ?? new Uint8Array());
    expect(loaded.getPageCount()).toBeGreaterThanOrEqual(1);
    const hash = createHash("sha256")
      .update(markdown?.bytes ?? "")
      .digest("hex");
    expect(loaded.getSubject()).toBe(`SHA-256 acme-record-2026-11-27.md ${hash}`);
    await d.press("wizard:1:7:post", { dm: true });
    const note = d.posted(d.teamChannel);
    expect(note).toHaveLength(1);
    expect(note[0]).toContain("ACME Corp");
    expect(note[0]).not.toContain("Told them payments");
    await d.press("wizard:1:8:lessons", { dm: true });
    expect(await d.submit({ text: "They insisted on paying at the end" }, { dm: true })).toContain("ACME Corp");

    const [done] = await wizard();
    expect(done?.state).toBe("done");
    expect(JSON.stringify(done)).toContain("They insisted on paying at the end");
    expect(await d.send(command("show", { client: "acme" }), { who: "member" })).toContain("ACME Corp");
    expect([...d.dms("member"), ...d.posted("general")]).toEqual([]);
  });

  it("posts the morning digest in the team channel, once, where nothing typed can notify", async () => {
    await workspaceWithTeamChannel(d);
    c.h.clock.set("2026-11-30T08:00:00Z");
    await d.send(late("acme", d.mentions.typed), { who: "member" });
    c.h.clock.set("2026-11-30T09:00:00Z");
    const report = await d.tick();
    expect(report.sent).toBe(1);
    const digest = d.posted(d.teamChannel).join("\n");
    expect(digest).toContain("ACME Corp");
    expect(digest).toContain("late payment");
    expect(d.pings()).toEqual([]);
    expect(await d.tick()).toMatchObject({ sent: 0 });
  });

  it("shows mentions typed in a note as text, and notifies nobody", async () => {
    await workspaceWithTeamChannel(d);
    await d.send(late("acme", d.mentions.typed));
    const card = await d.send(command("show", { client: "acme" }));
    for (const text of d.mentions.shown) expect(card).toContain(text);
    expect(await storedNotes(db())).toEqual([d.received(d.mentions.typed)]);
    expect(d.pings()).toEqual([]);
  });

  it("reports an unexpected error with a reference the log holds too, and saves nothing", async () => {
    await d.send(add());
    c.h.db.beforeQuery = (statement) => {
      if (/insert into "?incidents/i.test(statement)) throw new Error("a bug");
    };
    const answer = await d.send(late());
    const ref = /\(ref ([0-9a-f]{8})\)/.exec(answer)?.[1];
    expect(answer).toContain("Something went wrong on my side (ref");
    expect(answer).toContain("Nothing was saved");
    expect(c.logs.filter((l) => l.includes(`"ref":"${ref}"`) && l.includes("a bug"))).toHaveLength(1);
    expect(await storedNotes(db())).toEqual([]);
  });

  it("says the database is unavailable and nothing was saved, writes nothing, and works again after", async () => {
    await d.send(add());
    const before = await rowCounts(db());
    c.h.db.beforeQuery = outage;
    expect(await d.send(late())).toContain("Tact's database is temporarily unavailable, so nothing was saved.");
    c.h.db.beforeQuery = undefined;
    expect(await rowCounts(db())).toEqual(before);
    expect(await d.send(late())).toContain("Logged late payment for ACME Corp");
  });

  const notes = hostileNotes.filter((n) => d.name !== "console" || !n.multiline);
  it.each(notes)("$name: stored exactly as typed, or refused with nothing written", async (n) => {
    await d.send(add());
    const before = await rowCounts(db());
    const answer = await d.send(late("acme", n.note));
    if ("refused" in n.expect) {
      expect(answer).toMatch(n.expect.refused);
      expect(await rowCounts(db())).toEqual(before);
    } else {
      expect(answer).toContain("Logged late payment for ACME Corp");
      expect(await storedNotes(db())).toEqual([d.received(n.note).trim()]);
    }
    expect(d.pings()).toEqual([]);
    // Nothing of Tact's internals reaches people or the logs (the note itself aside).
    let out = [d.sent(), ...c.logs].join("\n");
    for (const t of [n.note, d.received(n.note)])
      out = out.split(JSON.stringify(t).slice(1, -1)).join("").split(t).join("");
    for (const leak of leaks) expect(out).not.toMatch(leak);
  });

  it("keeps every note it accepted, in order, and shows them on the card without notifying anyone", async () => {
    await d.send(add());
    const stored = notes.filter((n) => "stored" in n.expect);
    for (const n of notes) await d.send(command("note", { client: "acme", note: n.note }));
    expect(await storedNotes(db())).toEqual(stored.map((n) => d.received(n.note).trim()));
    expect(await d.send(command("show", { client: "acme" }))).toContain("ACME Corp");
    expect(d.pings()).toEqual([]);
  });
});
