import { workspaceConnection } from "../../db/queries/connections.ts";
import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { Context } from "../core/context.ts";
import { userError } from "../errors.ts";
import type { SyncTarget } from "./apply-source-change.ts";
import type { SourceServices } from "./create-sources.ts";
import { sourceLabel } from "./source-label.ts";

/** The deployment's invoice sources, or a UserError when this deployment has none. */
export function requireSources(ctx: Context): SourceServices {
  if (!ctx.sources) throw userError("no-sources", (t) => t.sources.errors.unavailable);
  return ctx.sources;
}

/** The workspace's connection to a source, or a UserError saying how to connect it. */
export async function requireConnection(ctx: Context, source: InvoiceSource): Promise<SyncTarget> {
  const connection = await workspaceConnection(ctx.db, ctx.workspace.id, source);
  if (!connection) {
    throw userError("not-connected", (t) =>
      t.sources.errors.notConnected({ source: sourceLabel(source), key: source }),
    );
  }
  return { connection, workspace: ctx.workspace };
}
