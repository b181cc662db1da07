import type { Db } from "../../db/database.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { insertClient } from "../../db/queries/clients.ts";
import { clientsWithAliases, existingInvoiceNumbers } from "../../db/queries/import-lookups.ts";
import { insertInvoice, insertPayment, normalizeNumber } from "../../db/queries/invoices.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import { resolveTerms } from "../domain/charges/index.ts";
import { addDays } from "../domain/dates.ts";
import { looksLikeInvoiceNumber } from "../domain/identifiers.ts";
import { currencyOfAmount, toCurrency } from "../domain/money.ts";
import { UserError } from "../errors.ts";
import { type Catalog, catalogFor } from "../messages/catalog.ts";
import { createFormatter } from "../messages/format.ts";
import { toLocale } from "../messages/locale.ts";
import { type ImportClient, ImportClients, RowError } from "./import-clients.ts";
import { parseDay, parseMoney } from "./parse-inputs.ts";

/** Columns of the file, by normalised header name. */
const COLUMNS = {
  client: ["client"],
  number: ["number", "invoice", "invoicenumber", "numero", "facture"],
  amount: ["amount", "montant"],
  currency: ["currency", "devise"],
  issued: ["issued", "issuedon", "issuedate", "emission", "emise"],
  due: ["due", "dueon", "duedate", "echeance"],
  paidOn: ["paidon", "paiddate", "payeele", "paidat"],
  paidAmount: ["paidamount", "montantpaye", "paid"],
} as const;
type Column = keyof typeof COLUMNS;

export interface ImportRow {
  line: number;
  client: ImportClient;
  number: string;
  amountMinor: number;
  currency: string;
  issuedOn: string;
  dueOn: string;
  paid: { on: string; minor: number } | null;
}

export interface ImportPlan {
  rows: ImportRow[];
  /** Every row that failed validation, with what is wrong, in the workspace's language. */
  errors: { line: number; message: string }[];
  /** Invoices filed under a client by its generated short name: the report says so. */
  notes: string[];
}

export interface ImportOptions {
  /** Create clients the file names but the workspace does not have (slug from the name). */
  createClients?: boolean;
}

type Record_ = { line: number; fields: string[] };

/**
 * Validates every row of an invoices file (client, number, amount, currency, issued, due,
 * paid on, paid amount) against the workspace, with the same rules and messages as
 * `/client invoice` and `/client paid`. Nothing is written. The workspace's clients and the
 * invoice numbers already taken are read in a few queries for the whole file, not per row.
 */
export async function planImport(
  db: Db,
  workspace: WorkspaceRow,
  records: Record_[],
  today: string,
  options: ImportOptions = {},
): Promise<ImportPlan> {
  const t = catalogFor(toLocale(workspace.locale));
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ line: 1, message: "The file is empty." }], notes: [] };
  const index = columnIndex(header.fields);
  const missing = (["client", "number", "amount"] as const).filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    const message = `Missing column(s): ${missing.join(", ")}. Expected: ${expectedHeader}.`;
    return { rows: [], errors: [{ line: header.line, message }], notes: [] };
  }
  const cell = (record: Record_, c: Column) => {
    const i = index[c];
    return i === undefined ? "" : (record.fields[i] ?? "").trim();
  };
  const [directory, taken] = await Promise.all([
    clientsWithAliases(db, workspace.id),
    existingInvoiceNumbers(
      db,
      workspace.id,
      data.map((r) => cell(r, "number")),
    ),
  ]);
  const clients = new ImportClients(directory, Boolean(options.createClients));
  const rows: ImportRow[] = [];
  const errors: ImportPlan["errors"] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    try {
      const { client, noteLine } = clients.resolve(cell(record, "client"));
      const row = planRow(workspace, client, (c) => cell(record, c), record.line, today, t, taken);
      const key = normalizeNumber(row.number);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new RowError(`invoice ${row.number} is also on line ${earlier}.`);
      seen.set(key, record.line);
      noteLine(record.line);
      rows.push(row);
    } catch (error) {
      // Anything else (the database failing) is not the file's fault: it stops the import.
      if (error instanceof UserError) errors.push({ line: record.line, message: error.render(t) });
      else if (error instanceof RowError) errors.push({ line: record.line, message: error.message });
      else throw error;
    }
  }
  return { rows, errors, notes: clients.notes() };
}

export const expectedHeader = "client,number,amount,currency,issued,due,paid on,paid amount";

function planRow(
  workspace: WorkspaceRow,
  client: ImportClient,
  get: (c: Column) => string,
  line: number,
  today: string,
  t: Catalog,
  taken: Map<string, string>,
): ImportRow {
  const number = get("number").replace(/^#/, "");
  if (!number || !looksLikeInvoiceNumber(number))
    throw new RowError(t.invalid.invoiceNumber({ arg: "number", value: number }));
  const existing = taken.get(normalizeNumber(number));
  if (existing) throw new RowError(`invoice ${existing} already exists in this workspace.`);

  const amountText = get("amount");
  const currencyText = get("currency");
  const embedded = currencyOfAmount(amountText);
  const currency = currencyText ? toCurrency(currencyText) : embedded === "unknown" ? undefined : embedded;
  if (!currency) {
    throw new RowError(
      currencyText || embedded === "unknown"
        ? t.invoices.errors.currencyUnknown({ value: currencyText || amountText })
        : t.invoices.errors.currencyMissing({ amount: amountText }),
    );
  }
  const amountMinor = parseMoney(amountText, currency).minor;

  const locale = toLocale(workspace.locale);
  const days = { locale, today, fmt: createFormatter(locale, workspace.timezone) };
  const issuedText = get("issued");
  const typedIssue = issuedText ? parseDay(issuedText, "issued", days) : undefined;
  const dueText = get("due");
  const terms =
    "id" in client ? resolveTerms(workspace.defaultTerms, client).terms : resolveTerms(workspace.defaultTerms).terms;
  const dueOn = dueText
    ? parseDay(dueText, "due", { ...days, base: typedIssue ?? today })
    : addDays(typedIssue ?? today, terms.paymentDays);
  // As /client invoice: without an issue date, the invoice went out its term before the due date.
  const termStart = addDays(dueOn, -terms.paymentDays);
  const issuedOn = typedIssue ?? (dueText && termStart < today ? termStart : today);
  if (dueOn < issuedOn) {
    throw new RowError(t.invoices.errors.dueBeforeIssued({ due: dueOn, issued: issuedOn, suggested: termStart }));
  }

  const paidOnText = get("paidOn");
  const paidAmountText = get("paidAmount");
  let paid: ImportRow["paid"] = null;
  if (paidOnText || paidAmountText) {
    if (!paidOnText) throw new RowError("a paid amount needs the date it was paid (paid on).");
    const on = parseDay(paidOnText, "on", days);
    if (on > today) throw new RowError(t.invoices.errors.futurePayment({ date: on }));
    const minor = paidAmountText ? parseMoney(paidAmountText, currency).minor : amountMinor;
    if (minor > amountMinor) {
      throw new RowError(`the paid amount ${paidAmountText} is more than the invoice amount ${amountText}.`);
    }
    paid = { on, minor };
  }
  return { line, client, number, amountMinor, currency, issuedOn, dueOn, paid };
}

function columnIndex(header: string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((name, i) => {
    const n = name
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z]/g, "");
    for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (names.includes(n) && out[column] === undefined) out[column] = i;
    }
  });
  return out;
}

/**
 * Writes the planned invoices (and their payments) in one transaction: all of them or none.
 * Returns how many were imported and how many of them are paid in full.
 */
export async function applyImport(
  db: Db,
  workspace: WorkspaceRow,
  rows: readonly ImportRow[],
  now: Date,
  actor = "import",
): Promise<{ invoices: number; paid: number; clients: number }> {
  return db.transaction(async (tx) => {
    const created = new Map<string, number>();
    let paidCount = 0;
    for (const row of rows) {
      let clientId: number;
      if ("id" in row.client) clientId = row.client.id;
      else {
        const slug = row.client.newSlug;
        const known = created.get(slug);
        if (known !== undefined) clientId = known;
        else {
          const inserted = await insertClient(tx, {
            workspaceId: workspace.id,
            slug,
            displayName: row.client.name,
            createdBy: actor,
            createdAt: now,
          });
          // Never attached to someone else's client without a word: the plan said it was new.
          if (!inserted)
            throw new Error(`a client ${slug} was added while importing; nothing was imported: run it again.`);
          clientId = inserted.id;
          created.set(slug, clientId);
        }
      }
      const fullyPaid = row.paid !== null && row.paid.minor === row.amountMinor;
      const invoice = await insertInvoice(tx, {
        workspaceId: workspace.id,
        clientId,
        number: row.number,
        amountMinor: row.amountMinor,
        currency: row.currency,
        issuedOn: row.issuedOn,
        dueOn: row.dueOn,
        status: fullyPaid ? "paid" : "open",
        // History: charges on invoices paid before the import are not claimed now (they
        // still count as late payments in the client's record).
        ...(fullyPaid ? { chargesStatus: "settled" } : {}),
        createdBy: actor,
        createdAt: now,
      });
      if (!invoice) {
        throw new Error(`invoice ${row.number} was added while importing; nothing was imported: run it again.`);
      }
      if (row.paid) {
        await insertPayment(tx, {
          workspaceId: workspace.id,
          invoiceId: invoice.id,
          kind: "payment",
          amountMinor: row.paid.minor,
          paidOn: row.paid.on,
          recordedBy: actor,
          createdAt: now,
        });
      }
      if (fullyPaid) paidCount++;
    }
    await insertAudit(tx, {
      workspaceId: workspace.id,
      actorId: actor,
      action: "invoice.imported",
      details: { invoices: rows.length, paid: paidCount, clientsCreated: created.size },
      at: now,
    });
    return { invoices: rows.length, paid: paidCount, clients: created.size };
  });
}
