import { PassThrough } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { runConsole } from "../../adapters/console/run-console.ts";
import type { Db } from "../../db/database.ts";
import { queryRows } from "../../db/query-rows.ts";
import { clients, invoices, payments } from "../../db/schema/index.ts";
import type { Effect } from "../../src/core/effects.ts";
import { type As, effectsText, type Harness, invocation } from "../support/harness.ts";

/** Runs console lines through the real adapter and stdin-like stream; returns what it printed. */
export async function script(h: Harness, lines: readonly string[]): Promise<string[]> {
  const { adapter, output } = h.console();
  const input = new PassThrough();
  input.end(`${lines.join("\n")}\n`);
  await runConsole({ adapter, input, output: new PassThrough(), interactive: false });
  return output;
}

/** Submits a form as a user, as Slack's view_submission or Discord's modal would. */
export function submit(h: Harness, formId: string, values: Record<string, string>, as: As = {}): Promise<Effect[]> {
  return h.handle({ ...invocation("", as), input: { kind: "form", formId, values } });
}

export function text(effects: Effect[]): string {
  return effectsText(effects);
}

/** Every button and select id in the effects (a select's options as `id:value`). */
export function buttonIds(effects: Effect[]): string[] {
  return effects.flatMap((e) =>
    "message" in e
      ? e.message.blocks.flatMap((b) =>
          b.type === "actions"
            ? b.buttons.map((x) => x.id)
            : b.type === "select"
              ? b.options.map((o) => `${b.id}:${o.value}`)
              : [],
        )
      : [],
  );
}

export { rowCount as count } from "../support/db-counts.ts";

export async function audits(db: Db, action: string): Promise<{ actorId: string; details: Record<string, unknown> }[]> {
  return queryRows(db, sql`select actor_id as "actorId", details from audit_log where action = ${action} order by id`);
}

export async function clientStatus(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await db.select({ status: clients.status }).from(clients).where(eq(clients.slug, slug));
  return row?.status;
}

/** Sets a client's terms (law, language, hosted) as the invoices engineer's `terms` command stores them. */
export async function setClient(
  db: Db,
  slug: string,
  changes: { terms?: Record<string, unknown>; language?: string; hosted?: boolean },
): Promise<void> {
  await db.update(clients).set(changes).where(eq(clients.slug, slug));
}

/** An invoice for the client, as `/client invoice` records it (amounts in minor units). */
export async function addInvoice(
  db: Db,
  slug: string,
  inv: {
    number: string;
    amountMinor: number;
    currency?: string;
    issuedOn: string;
    dueOn: string;
    status?: "open" | "paid";
  },
): Promise<number> {
  const [client] = await db.select().from(clients).where(eq(clients.slug, slug));
  if (!client) throw new Error(`no client ${slug}`);
  const [row] = await db
    .insert(invoices)
    .values({
      workspaceId: client.workspaceId,
      clientId: client.id,
      number: inv.number,
      amountMinor: inv.amountMinor,
      currency: inv.currency ?? "EUR",
      issuedOn: inv.issuedOn,
      dueOn: inv.dueOn,
      status: inv.status ?? "open",
      createdBy: "owner",
    })
    .returning();
  if (!row) throw new Error("invoice insert failed");
  return row.id;
}

export async function addPayment(
  db: Db,
  invoiceId: number,
  p: { amountMinor: number; paidOn: string; kind?: "payment" | "credit" | "charges" },
): Promise<void> {
  const [inv] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!inv) throw new Error("no invoice");
  await db.insert(payments).values({
    workspaceId: inv.workspaceId,
    invoiceId,
    kind: p.kind ?? "payment",
    amountMinor: p.amountMinor,
    paidOn: p.paidOn,
    recordedBy: "owner",
  });
}

export async function invoiceState(db: Db, number: string) {
  const [row] = await db
    .select({ status: invoices.status, chargesStatus: invoices.chargesStatus })
    .from(invoices)
    .where(and(eq(invoices.number, number)));
  return row;
}

/** The written record sent in these effects: its Markdown and PDF, their names and who got them. */
export function recordFiles(effects: Effect[]): {
  userId: string;
  names: string[];
  markdown: string;
  pdf: Uint8Array;
  filename: string;
} {
  const file = effects.find((e) => e.type === "file");
  if (file?.type !== "file") throw new Error(`no file in ${JSON.stringify(effects.map((e) => e.type))}`);
  const [md, pdf] = file.files;
  if (typeof md?.content !== "string" || !(pdf?.content instanceof Uint8Array)) {
    throw new Error(`expected a Markdown file then a PDF, got ${file.files.map((f) => f.filename).join(", ")}`);
  }
  return {
    userId: file.userId,
    names: file.files.map((f) => f.filename),
    markdown: md.content,
    pdf: pdf.content,
    filename: md.filename,
  };
}

/**
 * Step 5's write-off as the owner does it: "Write it off", then the confirmation's button,
 * which names the amounts. Returns the confirmation and what confirming it answered.
 */
export async function writeOff(
  h: Harness,
  offboarding = 1,
  as: As = {},
): Promise<{ confirmation: Effect[]; confirmId: string; effects: Effect[] }> {
  const confirmation = await h.run(`press wizard:${offboarding}:5:writeoff`, as);
  const confirmId = confirmButton(confirmation);
  return { confirmation, confirmId, effects: await h.run(`press ${confirmId}`, as) };
}

/** The confirmation's button of a write-off question. */
export function confirmButton(effects: Effect[]): string {
  const id = buttonIds(effects).find((b) => /^wizard:\d+:5:confirmwriteoff:/.test(b));
  if (!id) throw new Error(`no write-off confirmation in ${effectsText(effects)}`);
  return id;
}

/**
 * ACME under French law, in `lang`: INV-1 €1,000 due 31 Jan, paid 20 Feb without its charges
 * (€6.66 + €40); INV-3 €1,800 due 15 Apr; INV-4 €1,200 due 15 May, both unpaid.
 */
export async function lateAcme(h: Harness, lang: "en" | "fr"): Promise<void> {
  if (lang === "fr") await h.run("/client config lang fr");
  await h.run("/client add acme ACME Corp");
  await h.run("/client terms acme law fr");
  await h.run("/client invoice acme INV-1 1000 EUR issued 2026-01-01 due 2026-01-31");
  await h.run("/client paid INV-1 on 2026-02-20");
  await h.run("/client invoice acme INV-3 1800 EUR issued 2026-03-15 due 2026-04-15");
  await h.run("/client invoice acme INV-4 1200 EUR issued 2026-04-15 due 2026-05-15");
}

/** Lets ACME go up to wizard step `step` (a conversation noted, the steps before done); that step's effects. */
export async function offboardTo(h: Harness, step: number): Promise<Effect[]> {
  await h.run("/client offboard acme");
  let shown = await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
  for (let done = 2; done < step; done += 1) shown = await h.run(`press wizard:1:${done}:done`);
  return shown;
}
