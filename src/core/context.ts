import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import type { WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { Clock } from "../clock.ts";
import type { SourceServices } from "../connectors/create-sources.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Formatter } from "../messages/format.ts";
import type { Locale } from "../messages/locale.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { Invocation } from "./invocation.ts";

/** Services the core is built with; shared by every request. */
export interface CoreServices {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Where files the console "sends" are written (exports). */
  dataDir: string;
  /** Invoice sources (Stripe, Xero): absent where none is set up (most tests). */
  sources?: SourceServices | undefined;
  /** Seals secrets stored in the database (installations, source keys); absent = none may be stored. */
  secrets?: SecretBox | undefined;
}

/** Everything a command, action or form handler may use for one request. */
export interface Context extends CoreServices {
  invocation: Invocation;
  workspace: WorkspaceRow;
  user: { id: string; name: string; isOwner: boolean };
  locale: Locale;
  t: Catalog;
  fmt: Formatter;
  /** Records who did what in the audit log (in the given transaction, if any). */
  audit(entry: AuditEntry, db?: Db): Promise<void>;
  /**
   * The owner's name as recorded, to say who can do an owner-only thing (never a mention);
   * "not known yet" while the platform has not said who the owner is.
   */
  ownerName(): Promise<string>;
}

export interface AuditEntry {
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
}
