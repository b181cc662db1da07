import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { exportWorkspace } from "../db/queries/export-workspace.ts";
import { listWorkspaces } from "../db/queries/find-workspace-ref.ts";
import { fileProblem, writeFileAtomically } from "../src/write-file-atomically.ts";
import {
  describeWorkspace,
  requireWorkspace,
  runTool,
  ToolError,
  type ToolIo,
  withToolDatabase,
} from "./tool-context.ts";

const USAGE = `Usage:
  npm run export -- --workspace ID [--out FILE]   one workspace's data as JSON (stdout, or FILE)
  npm run export -- --list                        every workspace: id, platform id, name, state
ID is Tact's numeric id, or the platform's id (slack:T0123, discord:8123…).
In Docker: docker compose -f docker/compose.yml exec bot node dist/scripts/export-workspace.js --workspace ID
`;

/** `npm run export`: writes one workspace's data as JSON, for the agency or before a purge. */
export async function exportWorkspaceCommand(argv: string[], io: ToolIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: "string", short: "w" },
      out: { type: "string", short: "o" },
      list: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: false,
  });
  if (values.help || (!values.list && typeof values.workspace !== "string")) {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  return withToolDatabase(io, async (database) => {
    if (values.list) {
      const rows = await listWorkspaces(database.db);
      io.out(rows.length === 0 ? "No workspaces yet.\n" : `${rows.map(describeWorkspace).join("\n")}\n`);
      return 0;
    }
    const workspace = await requireWorkspace(database, String(values.workspace));
    const data = await exportWorkspace(database.db, workspace.id, io.clock.now());
    if (!data) throw new ToolError(`Workspace ${workspace.id} disappeared while exporting.`);
    const json = `${JSON.stringify(data, null, 2)}\n`;
    const summary = Object.entries(data.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([table, rows]) => `${rows.length} ${table}`)
      .join(", ");
    if (typeof values.out === "string") {
      // Client records are personal data: readable by the operator only. Whole or not at all:
      // a full disk leaves no truncated export that looks complete.
      const out = values.out;
      await writeFileAtomically(out, json, { mode: 0o600 }).catch((error: unknown) => {
        throw new ToolError(`Could not write ${out}: ${FILE_PROBLEMS(fileProblem(error))}. Nothing was written.`);
      });
      io.err(`Exported workspace ${describeWorkspace(workspace)} (${summary || "no rows"}) to ${values.out}\n`);
    } else {
      io.out(json);
      io.err(`Exported workspace ${describeWorkspace(workspace)} (${summary || "no rows"})\n`);
    }
    return 0;
  });
}

const FILE_PROBLEMS = (problem: ReturnType<typeof fileProblem>): string =>
  typeof problem === "object"
    ? `the file system refused it (${problem.code})`
    : { full: "the disk is full", notWritable: "the folder is not writable", missing: "the folder does not exist" }[
        problem
      ];

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTool(exportWorkspaceCommand);
