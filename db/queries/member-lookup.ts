import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../database.ts";
import { members } from "../schema/index.ts";

export interface MemberRow {
  userId: string;
  displayName: string;
}

/** A person seen in the workspace, by id. */
export async function findMember(db: Db, workspaceId: number, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ userId: members.userId, displayName: members.displayName })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.userId, userId)));
  return row;
}

/** People seen in the workspace under this display name (case-insensitive); at most a few. */
export async function membersNamed(db: Db, workspaceId: number, name: string): Promise<MemberRow[]> {
  return db
    .select({ userId: members.userId, displayName: members.displayName })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), sql`lower(${members.displayName}) = ${name.toLowerCase()}`))
    .limit(2);
}
