import { eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../database.ts";
import { connections, installations } from "../schema/index.ts";

/**
 * Every stored secret passed through `reseal` (open with the old key, seal with the new), in
 * one transaction: all or nothing. An installation stored before encryption (tokens in
 * `data`, no `sealed`) is sealed too, and `strip` removes its tokens from `data`.
 */
export async function rotateSecrets(
  db: Db,
  reseal: (stored: string) => string,
  strip: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<{ connections: number; installations: number }> {
  return db.transaction(async (tx) => {
    const conns = await tx
      .select({ id: connections.id, secrets: connections.secrets })
      .from(connections)
      .where(isNotNull(connections.secrets))
      .for("update");
    for (const c of conns) {
      if (c.secrets)
        await tx
          .update(connections)
          .set({ secrets: reseal(c.secrets) })
          .where(eq(connections.id, c.id));
    }
    const rows = await tx.select().from(installations).for("update");
    for (const row of rows) {
      const sealed = reseal(row.sealed ?? JSON.stringify(row.data));
      await tx
        .update(installations)
        .set({ sealed, data: strip(row.data) })
        .where(eq(installations.key, row.key));
    }
    return { connections: conns.length, installations: rows.length };
  });
}

/**
 * Seals the installations stored before encryption (tokens in clear in `data`): run at
 * start once a key is available. Returns how many were sealed.
 */
export async function sealClearInstallations(
  db: Db,
  seal: (plain: string) => string,
  strip: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.select().from(installations).where(isNull(installations.sealed)).for("update");
    for (const row of rows) {
      await tx
        .update(installations)
        .set({ sealed: seal(JSON.stringify(row.data)), data: strip(row.data) })
        .where(eq(installations.key, row.key));
    }
    return rows.length;
  });
}
