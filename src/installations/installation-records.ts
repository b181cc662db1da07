import type { Db } from "../../db/database.ts";
import { deleteInstallation, findInstallation, saveInstallation } from "../../db/queries/installations.ts";
import type { Clock } from "../clock.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { withoutSecrets } from "../secrets/without-secrets.ts";

/**
 * A platform's installations (Slack OAuth installs), by key, over the platform-neutral
 * `installations` table. Each is stored sealed whole (it holds the bot token), next to a copy
 * without its secrets; without an encryption key none is stored, and the error names the setting.
 */
export interface InstallationRecords {
  /** Stores it, and makes the workspaces it names active again. */
  save(key: string, platform: string, installation: object, workspaceExternalIds: string[]): Promise<void>;
  find(key: string): Promise<unknown>;
  delete(key: string): Promise<void>;
}

export function installationRecords(db: Db, clock: Clock, box: SecretBox): InstallationRecords {
  return {
    async save(key, platform, installation, workspaceExternalIds) {
      if (!box.ready) {
        throw new Error(
          "TACT_ENCRYPTION_KEY is not set: Tact stores no Slack token unencrypted (set it to 32 bytes in base64, e.g. openssl rand -base64 32, and restart)",
        );
      }
      await saveInstallation(db, {
        key,
        platform,
        data: withoutSecrets(installation) as Record<string, unknown>,
        sealed: box.seal(JSON.stringify(installation)),
        at: clock.now(),
        workspaceExternalIds,
      });
    },
    async find(key) {
      const row = await findInstallation(db, key);
      // A row from before encryption still works (Tact seals it at its next start).
      return row && (row.sealed ? JSON.parse(box.open(row.sealed)) : row.data);
    },
    async delete(key) {
      await deleteInstallation(db, key);
    },
  };
}
