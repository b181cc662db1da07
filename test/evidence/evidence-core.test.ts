import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { CapturedMessage, Invocation } from "../../src/core/invocation.ts";
import { startOfLocalDay } from "../../src/domain/dates.ts";
import { pruneEvidence, UNLOGGED_EVIDENCE_TTL_MS } from "../../src/scheduler/prune-unlogged-evidence.ts";
import { effectsText, useHarness } from "../support/harness.ts";

const h = useHarness();

const RUDE = "<!channel> <@U0DANA> @everyone @here <@&123> this is *unacceptable*\nsecond line & more";

function captured(over: Partial<CapturedMessage> = {}): CapturedMessage {
  return {
    channelId: "C0ACME",
    messageId: "1732700000.000100",
    text: RUDE,
    authorId: "U0CLIENT",
    authorName: "Wile E.",
    postedAt: new Date("2026-11-26T15:40:00Z"),
    link: "https://acme.slack.com/archives/C0ACME/p1732700000000100",
    files: 0,
    ...over,
  };
}

function as(input: Invocation["input"], user = "sam", workspace = "T1"): Invocation {
  return {
    platform: "slack",
    workspaceId: workspace,
    userId: user,
    userName: user,
    channelId: "C0ACME",
    isDm: false,
    input,
  };
}

async function open(
  message = captured(),
  user = "sam",
  workspace = "T1",
): Promise<{ effects: Effect[]; formId: string }> {
  const effects = await h.handle(as({ kind: "message", message }, user, workspace));
  const form = effects[0]?.type === "form" ? effects[0].form : undefined;
  return { effects, formId: form?.id ?? "" };
}

const submit = (formId: string, values: Record<string, string>, user = "sam", workspace = "T1") =>
  h.handle(as({ kind: "form", formId, values }, user, workspace));

async function rows<T>(query: string): Promise<T[]> {
  return queryRows<T>(h.db.db, sql.raw(query));
}

describe("logging from a message", () => {
  it("opens a form with the quote, its author, date and link, and the linked client chosen", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    await h.run("/client channel acme", { platform: "slack", workspace: "T1", channel: "C0ACME" });
    const { effects } = await open();
    const form = effects[0]?.type === "form" ? effects[0].form : undefined;
    expect(form?.id).toBe("evidence:1");
    const field = (id: string) => form?.fields.find((f) => f.id === id);
    expect(field("client")?.initial).toBe("acme");
    expect(field("kind")?.choices?.map((c) => c.value)).toEqual([
      "late",
      "conduct",
      "advice",
      "scope",
      "ethics",
      "flag",
      "note",
    ]);
    const quote = field("quote")?.initial ?? "";
    expect(quote).toContain("Wile E., 26 Nov 2026");
    expect(quote).toContain("https://acme.slack.com/archives/C0ACME/p1732700000000100");
    expect(quote).not.toMatch(/<[@!]|@everyone|@here/);
  });

  it("logs the incident with the message stored exactly, shortened on the card, whole in the record", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    const long = `${RUDE} ${"and on and on ".repeat(300)}the end`;
    const { formId } = await open(captured({ text: long }));
    const done = effectsText(await submit(formId, { client: "acme", kind: "conduct", note: "on the shared channel" }));
    expect(done).toContain("Logged disrespect / tension for ACME Corp");
    const [kept] = await rows<{ text: string; incident_id: number; author_name: string }>(
      "select text, incident_id, author_name from evidence",
    );
    expect(kept).toEqual({ text: long, incident_id: 1, author_name: "Wile E." });
    const [audit] = await rows<{ details: { evidence: number } }>(
      "select details from audit_log where action = 'incident.logged' or details ? 'evidence'",
    );
    expect(audit?.details.evidence).toBe(1);

    const card = await h.say("/client show acme", { platform: "slack", workspace: "T1" });
    expect(card).toContain("by sam: on the shared channel");
    expect(card).toMatch(
      /“<\u200b!channel> <\u200b@U0DANA> @\u200beveryone @\u200bhere <\u200b@&123> this is .*…” \(Wile E\.\)/,
    );
    expect(card).not.toContain("the end");

    const exported = await h.run("/client export acme", { platform: "slack", workspace: "T1", user: "owner" });
    const file = exported.find((e) => e.type === "file");
    const md = file?.type === "file" ? String(file.files.find((f) => f.filename.endsWith(".md"))?.content) : "";
    expect(md).toContain("## Messages kept as evidence (1)");
    expect(md).toContain("Message from Wile E., 26 Nov 2026");
    expect(md).toContain("the end");
    expect(md).toContain("> second line &amp; more");
    expect(md).toContain("acme.slack.com/archives/C0ACME/p1732700000000100");
    expect(md).not.toMatch(/<[@!]/);
  });

  it("says so when the author is unknown or the message holds only a file", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    const { formId } = await open(captured({ text: "", authorId: undefined, authorName: undefined, files: 2 }));
    await submit(formId, { client: "acme", kind: "note", note: "" });
    const card = await h.say("/client show acme", { platform: "slack", workspace: "T1" });
    expect(card).toContain("(no text: the message holds only 2 files, not kept here)");
    expect(card).toContain("an unknown author (a deleted user?)");
  });

  it("refuses another person's form, a second submission, and another workspace's form, writing nothing more", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    await h.run("/client add acme Other ACME", { platform: "slack", workspace: "T2" });
    const { formId } = await open();
    const gone = "This message was already logged, the form is not yours to submit";
    expect(effectsText(await submit(formId, { client: "acme", kind: "scope" }, "eve"))).toContain(gone);
    // The same id from another workspace: its evidence is not there, its acme is not touched.
    expect(effectsText(await submit(formId, { client: "acme", kind: "scope" }, "sam", "T2"))).toContain(gone);
    expect(await rows("select * from incidents")).toEqual([]);
    expect(effectsText(await submit(formId, { client: "acme", kind: "scope" }))).toContain("Logged scope creep");
    expect(effectsText(await submit(formId, { client: "acme", kind: "scope" }))).toContain(gone);
    expect(await rows<{ n: number }>("select count(*)::int as n from incidents")).toEqual([{ n: 1 }]);
  });

  it("keeps the form open with a message under the field for an unknown client or kind", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    const { formId } = await open();
    const badClient = await submit(formId, { client: "nobody", kind: "scope" });
    expect(badClient[0]).toMatchObject({ type: "formErrors" });
    expect(JSON.stringify(badClient)).toContain(`I don't know a client called \\"nobody\\"`);
    const badKind = await submit(formId, { client: "acme", kind: "rude" });
    expect(badKind[0]).toMatchObject({ type: "formErrors", errors: { kind: expect.stringContaining("not a kind") } });
    // A kind typed in French (Discord's text input) is understood.
    expect(effectsText(await submit(formId, { client: "acme", kind: "retard" }))).toContain("Logged late payment");
    expect(await rows<{ n: number }>("select count(*)::int as n from incidents")).toEqual([{ n: 1 }]);
  });
});

describe("/client quote, the scriptable form", () => {
  it("logs the quote as typed with its author and day; the card and record show it", async () => {
    await h.run("/client add acme ACME Corp");
    const done = await h.say(
      '/client quote acme conduct "<!here> you people are useless" from "Dana Client" at 2026-11-20',
    );
    expect(done).toContain("Logged disrespect / tension for ACME Corp");
    const [kept] = await rows<{ text: string; author_name: string; epoch: number; incident_id: number; tz: string }>(
      "select text, author_name, extract(epoch from posted_at)::int as epoch, incident_id, w.timezone as tz from evidence e join workspaces w on w.id = e.workspace_id",
    );
    expect(kept).toMatchObject({ text: "<!here> you people are useless", author_name: "Dana Client", incident_id: 1 });
    // The start of that day in the workspace's time zone.
    expect(Number(kept?.epoch) * 1000).toBe(startOfLocalDay("2026-11-20", kept?.tz ?? "UTC").getTime());
    const card = await h.say("/client show acme");
    expect(card).toContain("“<\u200b!here> you people are useless” (Dana Client)");
  });

  it("takes the linked client in a linked channel, and refuses a bad kind or day writing nothing", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack" });
    await h.run("/client channel acme", { platform: "slack", channel: "C0ACME" });
    const linked = await h.say('/client quote scope "one more page, same price"', {
      platform: "slack",
      channel: "C0ACME",
    });
    expect(linked).toContain("Logged scope creep for ACME Corp");
    expect(await h.say('/client quote acme rude "x"', { platform: "slack" })).toContain("kind");
    expect(await h.say('/client quote acme note "x" at someday', { platform: "slack" })).toContain("someday");
    expect(await rows<{ n: number }>("select count(*)::int as n from evidence")).toEqual([{ n: 1 }]);
    expect(await rows<{ n: number }>("select count(*)::int as n from incidents")).toEqual([{ n: 1 }]);
  });
  it("forgets a captured message nobody logged within a day, and keeps the logged ones", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    const logged = await open(captured({ messageId: "1" }));
    await submit(logged.formId, { client: "acme", kind: "conduct", note: "" });
    const left = await open(captured({ messageId: "2" }));
    const db = h.db.db;
    await pruneEvidence({ db, now: h.clock.now(), platforms: ["slack"] });
    expect(await rows("select message_id from evidence order by id")).toEqual([
      { message_id: "1" },
      { message_id: "2" },
    ]);
    h.clock.advance(UNLOGGED_EVIDENCE_TTL_MS + 60_000);
    await pruneEvidence({ db, now: h.clock.now(), platforms: ["slack"] });
    expect(await rows("select message_id from evidence order by id")).toEqual([{ message_id: "1" }]);
    // The form left open is answered as gone, and nothing is logged.
    expect(effectsText(await submit(left.formId, { client: "acme", kind: "scope" }))).toContain(
      "left open more than a day",
    );
    expect(await rows("select kind from incidents")).toEqual([{ kind: "conduct" }]);
  });
});
