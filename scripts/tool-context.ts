import path from "node:path";
import { type Database, openDatabase } from "../db/database.ts";
import { isDatabaseUnavailable } from "../db/is-unavailable.ts";
import { DataDirError } from "../db/prepare-data-dir.ts";
import { findWorkspaceByRef } from "../db/queries/find-workspace-ref.ts";
import type { WorkspaceRow } from "../db/queries/workspaces.ts";
import { type Clock, systemClock } from "../src/clock.ts";
import { ConfigError, readConfig } from "../src/config.ts";
import { configSecrets, secretScrubber } from "../src/log.ts";
import { errorMessage } from "../src/serialize-error.ts";

/** What an operator tool reads and writes; tests pass their own. */
export interface ToolIo {
  out(text: string): void;
  err(text: string): void;
  /** Answers to questions, one line each (a terminal or a pipe). */
  input: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  clock: Clock;
  /** An open database (tests); otherwise opened from DATABASE_URL or DATA_DIR. */
  database?: Database;
}

export function processIo(): ToolIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    input: process.stdin,
    env: process.env,
    clock: systemClock,
  };
}

/** A tool failure the operator can act on: printed as is, exit code 1. */
export class ToolError extends Error {}

/** Opens the database the bot uses (and closes it after `work`). */
export async function withToolDatabase<T>(io: ToolIo, work: (database: Database) => Promise<T>): Promise<T> {
  if (io.database) return work(io.database);
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new ToolError(error.message);
    throw error;
  }
  const dataDir = path.resolve(config.DATA_DIR ?? "./data");
  // The embedded database belongs to one process at a time: opening it locks DATA_DIR, and
  // a tool is refused while Tact (or another tool) holds it.
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : dataDir,
  });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** The workspace `--workspace REF` names, or a ToolError saying how to find the right one. */
export async function requireWorkspace(database: Database, ref: string): Promise<WorkspaceRow> {
  const lookup = await findWorkspaceByRef(database.db, ref);
  if ("found" in lookup) return lookup.found;
  if ("ambiguous" in lookup) {
    const options = lookup.ambiguous.map((w) => `${w.id} (${w.platform}:${w.externalId})`).join(", ");
    throw new ToolError(`"${ref}" names several workspaces: ${options}. Pass the numeric id or platform:id.`);
  }
  throw new ToolError(`No workspace "${ref}". List them with: npm run export -- --list`);
}

/** One line for a workspace, as the tools print it. */
export function describeWorkspace(w: WorkspaceRow): string {
  const name = w.name ? ` "${w.name}"` : "";
  const state = w.deactivatedAt ? `uninstalled ${w.deactivatedAt.toISOString().slice(0, 10)}` : "installed";
  return `${w.id}\t${w.platform}:${w.externalId}${name}\t${state}`;
}

/** Runs a tool's main function as a command: exit code, ToolErrors printed plainly. */
export async function runTool(main: (argv: string[], io: ToolIo) => Promise<number>): Promise<void> {
  process.exitCode = await runToolWith(main, process.argv.slice(2), processIo());
}

/** Runs a tool with the given arguments and io; what went wrong is printed, never thrown. */
export async function runToolWith(
  main: (argv: string[], io: ToolIo) => Promise<number>,
  argv: string[],
  io: ToolIo,
): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    io.err(`${toolErrorMessage(error, io.env)}\n`);
    return 1;
  }
}

/** What went wrong, for an operator: no SQL, no secret. */
export function toolErrorMessage(error: unknown, env: Record<string, string | undefined>): string {
  if (error instanceof ToolError || error instanceof DataDirError) return error.message;
  if (isDatabaseUnavailable(error)) return "The database did not answer: check DATABASE_URL.";
  return `Failed: ${secretScrubber(configSecrets(env))(errorMessage(error))}`;
}
