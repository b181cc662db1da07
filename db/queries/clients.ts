import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { clientAliases, clients } from "../schema/index.ts";

export type ClientRow = typeof clients.$inferSelect;

/**
 * A client by slug, alias or display name, case-insensitively (a slug match wins, then an
 * alias, then the oldest client with that display name).
 */
export async function findClient(db: Db, workspaceId: number, query: string): Promise<ClientRow | undefined> {
  const q = query.trim().toLowerCase();
  const rows = await db
    .select({
      client: clients,
      rank: sql<number>`case when ${clients.slug} = ${q} then 0 when exists (
          select 1 from ${clientAliases} a where a.client_id = ${clients.id} and a.alias = ${q}
        ) then 1 else 2 end`.as("rank"),
    })
    .from(clients)
    .where(
      and(
        eq(clients.workspaceId, workspaceId),
        or(
          eq(clients.slug, q),
          sql`lower(${clients.displayName}) = ${q}`,
          sql`exists (select 1 from ${clientAliases} a where a.client_id = ${clients.id} and a.alias = ${q})`,
        ),
      ),
    )
    .orderBy(sql`rank`, asc(clients.id))
    .limit(1);
  return rows[0]?.client;
}

export async function findClientById(db: Db, workspaceId: number, clientId: number): Promise<ClientRow | undefined> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)));
  return row;
}

/** Every name a client answers to, for suggestions when a name is not found. */
export async function clientNames(
  db: Db,
  workspaceId: number,
): Promise<{ id: number; slug: string; displayName: string; status: string; names: string[] }[]> {
  const rows = await db
    .select({
      id: clients.id,
      slug: clients.slug,
      displayName: clients.displayName,
      status: clients.status,
      aliases: sql<
        string[]
      >`coalesce(array_agg(${clientAliases.alias}) filter (where ${clientAliases.alias} is not null), '{}')`,
    })
    .from(clients)
    .leftJoin(clientAliases, eq(clientAliases.clientId, clients.id))
    .where(eq(clients.workspaceId, workspaceId))
    .groupBy(clients.id);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    displayName: r.displayName,
    status: r.status,
    names: [r.slug, r.displayName.toLowerCase(), ...r.aliases],
  }));
}

/** Which client already answers to this name as a slug or an alias, if any. */
export async function clientUsingName(db: Db, workspaceId: number, name: string): Promise<ClientRow | undefined> {
  const q = name.toLowerCase();
  const [row] = await db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.workspaceId, workspaceId),
        or(
          eq(clients.slug, q),
          sql`exists (select 1 from ${clientAliases} a where a.client_id = ${clients.id} and a.alias = ${q})`,
        ),
      ),
    )
    .limit(1);
  return row;
}

/**
 * A new client, or undefined when its slug is already a name in the workspace: another
 * client's slug (this insert did nothing) or an alias (client_names refused it; the savepoint
 * keeps the caller's transaction usable).
 */
export async function insertClient(
  db: Db,
  values: { workspaceId: number; slug: string; displayName: string; createdBy: string; createdAt: Date },
): Promise<ClientRow | undefined> {
  try {
    return await db.transaction(async (sp) => {
      const [row] = await sp.insert(clients).values(values).onConflictDoNothing().returning();
      return row;
    });
  } catch (error) {
    if (isNameTaken(error)) return undefined;
    throw error;
  }
}

/** Adds an alias; false when the name is already a slug or an alias in the workspace. */
export async function insertAlias(
  db: Db,
  values: { workspaceId: number; clientId: number; alias: string; createdAt: Date },
): Promise<boolean> {
  try {
    return await db.transaction(async (sp) => {
      const rows = await sp
        .insert(clientAliases)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: clientAliases.id });
      return rows.length > 0;
    });
  } catch (error) {
    if (isNameTaken(error)) return false;
    throw error;
  }
}

/** The database refused a name already held in the workspace's one namespace of slugs and aliases. */
export function isNameTaken(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === "23505" && constraint === "client_names_workspace_name") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export async function clientAliasList(db: Db, workspaceId: number, clientId: number): Promise<string[]> {
  const rows = await db
    .select({ alias: clientAliases.alias })
    .from(clientAliases)
    .where(and(eq(clientAliases.workspaceId, workspaceId), eq(clientAliases.clientId, clientId)))
    .orderBy(asc(clientAliases.alias));
  return rows.map((r) => r.alias);
}

export async function updateClient(
  db: Db,
  workspaceId: number,
  clientId: number,
  changes: Partial<Pick<ClientRow, "displayName" | "status" | "language" | "hosted" | "terms">>,
): Promise<ClientRow | undefined> {
  const [row] = await db
    .update(clients)
    .set(changes)
    .where(and(eq(clients.workspaceId, workspaceId), eq(clients.id, clientId)))
    .returning();
  return row;
}
