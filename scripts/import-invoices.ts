import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { listWorkspaces } from "../db/queries/find-workspace-ref.ts";
import { localDate } from "../src/domain/dates.ts";
import { decodeText } from "../src/invoices/decode-text.ts";
import { applyImport, expectedHeader, planImport } from "../src/invoices/import-invoices.ts";
import { parseCsv } from "../src/invoices/parse-csv.ts";
import {
  describeWorkspace,
  requireWorkspace,
  runTool,
  ToolError,
  type ToolIo,
  withToolDatabase,
} from "./tool-context.ts";

const USAGE = `Usage:
  npm run import -- FILE.csv [--workspace ID] [--skip-invalid] [--create-clients] [--dry-run]
Imports invoices from a CSV file with a header line:
  ${expectedHeader}
(comma- or semicolon-separated; amounts with . or , as the decimal mark; dates YYYY-MM-DD;
"paid on" and "paid amount" are optional, and "paid amount" defaults to the whole invoice).
The file is UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.
With --create-clients, a client the workspace does not have is created, its short name made
from its name; an invoice filed under an existing client that way is listed in the report.
Every row is checked first; if any row is wrong, nothing is imported unless --skip-invalid.
ID is Tact's numeric id or the platform's id (console:console, slack:T0123…); it may be left
out when there is a single workspace. Stop Tact first when it uses the embedded database.
`;

/** `npm run import -- invoices.csv`: validates every row, then imports all of them (or none). */
export async function importInvoicesCommand(argv: string[], io: ToolIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: "string", short: "w" },
      "skip-invalid": { type: "boolean" },
      "create-clients": { type: "boolean" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  const file = positionals[0];
  if (values.help || !file || positionals.length > 1) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ToolError(`Cannot read ${file}.`);
  }
  const decoded = decodeText(bytes);
  if ("error" in decoded) {
    io.err(`${file}:${decoded.line}: ${decoded.error}\nNothing was imported.\n`);
    return 1;
  }
  const text = decoded.text;
  return withToolDatabase(io, async (database) => {
    const workspace = values.workspace
      ? await requireWorkspace(database, values.workspace)
      : await onlyWorkspace(database.db);
    const today = localDate(io.clock.now(), workspace.timezone);
    const plan = await planImport(database.db, workspace, parseCsv(text), today, {
      createClients: Boolean(values["create-clients"]),
    });
    for (const e of plan.errors) io.err(`${file}:${e.line}: ${e.message}\n`);
    if (plan.errors.length > 0 && !values["skip-invalid"]) {
      const invalid = `${plan.errors.length} ${plan.errors.length === 1 ? "row is" : "rows are"} invalid: nothing was imported.`;
      // --skip-invalid only helps when some rows are valid.
      const fix =
        plan.rows.length > 0
          ? `Fix them, or pass --skip-invalid to import the ${count(plan.rows.length, "valid row")}.`
          : plan.errors.length === 1
            ? "Fix it and run the import again."
            : "No row is valid: fix them and run the import again.";
      io.err(`${invalid} ${fix}\n`);
      return 1;
    }
    for (const note of plan.notes) io.out(`Note: ${note}\n`);
    if (values["dry-run"]) {
      io.out(
        `Dry run: ${count(plan.rows.length, "invoice")} would be imported into ${describeWorkspace(workspace)}.\n`,
      );
      return 0;
    }
    const result = await applyImport(database.db, workspace, plan.rows, io.clock.now());
    const skipped = plan.errors.length > 0 ? ` ${count(plan.errors.length, "invalid row")} skipped.` : "";
    const clients = result.clients > 0 ? `, ${count(result.clients, "new client")}` : "";
    io.out(
      `Imported ${count(result.invoices, "invoice")} (${result.paid} paid in full${clients}) into ${describeWorkspace(workspace)}.${skipped}\n`,
    );
    return 0;
  });
}

/** "1 invoice", "2 invoices": the report is read by people. */
function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

async function onlyWorkspace(db: Parameters<typeof listWorkspaces>[0]) {
  const all = await listWorkspaces(db);
  if (all.length === 1 && all[0]) return all[0];
  if (all.length === 0) throw new ToolError("There is no workspace yet: use Tact once (npm start) before importing.");
  throw new ToolError(
    `There are ${all.length} workspaces: pass --workspace ID. List them with: npm run export -- --list`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTool(importInvoicesCommand);
