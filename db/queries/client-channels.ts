import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clientChannels, clients } from "../schema/index.ts";

export type ClientChannelRow = typeof clientChannels.$inferSelect;

/** The client a channel is linked to, if any. */
export async function channelClient(
  db: Db,
  workspaceId: number,
  channelId: string,
): Promise<{ id: number; slug: string; displayName: string } | undefined> {
  const [row] = await db
    .select({ id: clients.id, slug: clients.slug, displayName: clients.displayName })
    .from(clientChannels)
    .innerJoin(clients, eq(clients.id, clientChannels.clientId))
    .where(and(eq(clientChannels.workspaceId, workspaceId), eq(clientChannels.channelId, channelId)));
  return row;
}

/** A client's linked channels, oldest link first. */
export async function clientChannelList(db: Db, workspaceId: number, clientId: number): Promise<ClientChannelRow[]> {
  return db
    .select()
    .from(clientChannels)
    .where(and(eq(clientChannels.workspaceId, workspaceId), eq(clientChannels.clientId, clientId)))
    .orderBy(asc(clientChannels.linkedAt), asc(clientChannels.id));
}

/** Links a channel; undefined when the channel is already linked (to this client or another). */
export async function insertClientChannel(
  db: Db,
  values: Omit<ClientChannelRow, "id">,
): Promise<ClientChannelRow | undefined> {
  const [row] = await db.insert(clientChannels).values(values).onConflictDoNothing().returning();
  return row;
}

/** Unlinks a channel from a client; the removed row, if it was linked to that client. */
export async function deleteClientChannel(
  db: Db,
  workspaceId: number,
  clientId: number,
  channelId: string,
): Promise<ClientChannelRow | undefined> {
  const [row] = await db
    .delete(clientChannels)
    .where(
      and(
        eq(clientChannels.workspaceId, workspaceId),
        eq(clientChannels.clientId, clientId),
        eq(clientChannels.channelId, channelId),
      ),
    )
    .returning();
  return row;
}
