import type { Db } from "../database.ts";
import { auditLog } from "../schema/index.ts";

export interface AuditRow {
  workspaceId: number;
  actorId: string;
  action: string;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  details?: Record<string, unknown> | undefined;
  at: Date;
}

export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: row.workspaceId,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType ?? null,
    subjectId: row.subjectId ?? null,
    details: row.details ?? {},
    at: row.at,
  });
}
