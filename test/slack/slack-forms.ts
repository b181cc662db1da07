import { sql } from "drizzle-orm";
import { queryRows } from "../../db/query-rows.ts";
import type { Slack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

/** The modal Tact opened last, and its blocks by block id. */
export function lastModal(s: Slack): { view: Json; blocks: Map<string, Json> } {
  const view = s.fake.callsTo("views.open").at(-1)?.args.view as Json;
  const blocks = new Map((view.blocks as Json[]).map((b) => [String(b.block_id), b]));
  return { view, blocks };
}

/** A select's choice as Slack reports it in a submitted view's state. */
export const picked = (type: string, value: string) => ({
  type,
  selected_option: { text: { type: "plain_text", text: value }, value },
});

/** More clients than a plain select lists (100) next to acme: a form's client field is then Slack's type-ahead. */
export async function manyClients(s: Slack): Promise<void> {
  await queryRows(
    s.h.db.db,
    sql`insert into clients (workspace_id, slug, display_name, created_by)
        select c.workspace_id, 'zz-filler-' || g, 'Zz Filler ' || g, 'U0FILLER'
        from clients c cross join generate_series(1, 100) g where c.slug = 'acme'`,
  );
}
