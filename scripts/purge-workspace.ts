import readline from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { purgeWorkspace } from "../db/queries/purge-workspace.ts";
import { workspaceFootprint } from "../db/queries/workspace-tables.ts";
import { describeWorkspace, requireWorkspace, runTool, type ToolIo, withToolDatabase } from "./tool-context.ts";

const USAGE = `Usage:
  npm run purge -- --workspace ID [--yes]
Deletes everything Tact holds about one workspace (after an uninstall), for good: clients,
incidents, invoices, payments, offboardings, audit log, members, deliveries, installation.
Asks for confirmation; --yes skips the question (scripts). Export it first if it may be needed:
  npm run export -- --workspace ID --out workspace.json
ID is Tact's numeric id, or the platform's id (slack:T0123, discord:8123…); list them with
  npm run export -- --list
In Docker: docker compose -f docker/compose.yml exec bot node dist/scripts/purge-workspace.js --workspace ID
`;

/** `npm run purge`: deletes one workspace's data after an uninstall, once the operator confirms. */
export async function purgeWorkspaceCommand(argv: string[], io: ToolIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      workspace: { type: "string", short: "w" },
      yes: { type: "boolean", short: "y" },
      help: { type: "boolean", short: "h" },
    },
    strict: false,
  });
  if (values.help || typeof values.workspace !== "string") {
    (values.help ? io.out : io.err)(USAGE);
    return values.help ? 0 : 2;
  }
  const ref = values.workspace;
  return withToolDatabase(io, async (database) => {
    const workspace = await requireWorkspace(database, ref);
    const footprint = await workspaceFootprint(database.db, workspace.id);
    const held = Object.entries(footprint)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`);
    io.err(`Workspace ${describeWorkspace(workspace)}\nHolds: ${held.length > 0 ? held.join(", ") : "no rows"}\n`);
    if (!workspace.deactivatedAt) {
      io.err("This workspace has not been uninstalled: if people still use Tact there, it will start again, empty.\n");
    }
    if (!values.yes) {
      io.err(`Delete all of it for good? Type "yes" to confirm:\n`);
      const answer = await firstLine(io.input);
      if (answer?.trim().toLowerCase() !== "yes") {
        io.err("Cancelled; nothing was deleted.\n");
        return 1;
      }
    }
    const { deleted } = await purgeWorkspace(database.db, workspace);
    const summary = Object.entries(deleted)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ");
    io.err(`Purged workspace ${workspace.id} (${workspace.platform}:${workspace.externalId}): deleted ${summary}.\n`);
    return 0;
  });
}

/** The next line typed or piped in; undefined if the input ends first. */
function firstLine(input: NodeJS.ReadableStream): Promise<string | undefined> {
  const rl = readline.createInterface({ input, terminal: false });
  return new Promise((resolve) => {
    let answered = false;
    rl.once("line", (line) => {
      answered = true;
      rl.close();
      resolve(line);
    });
    rl.once("close", () => {
      if (!answered) resolve(undefined);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runTool(purgeWorkspaceCommand);
