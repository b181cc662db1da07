import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Db } from "../../db/database.ts";
import { deleteInstallation, findInstallation, saveInstallation } from "../../db/queries/installations.ts";
import type { Clock } from "../../src/clock.ts";
import type { SecretBox } from "../../src/secrets/secret-box.ts";
import { withoutSecrets } from "../../src/secrets/without-secrets.ts";

/** `slack:T123` for a workspace install, `slack:enterprise:E123` for an org-wide one. */
export function installationKey(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `slack:enterprise:${query.enterpriseId}`;
  if (!query.teamId) throw new Error("installation query names no team");
  return `slack:${query.teamId}`;
}

/**
 * Bolt's installation store, over the platform-neutral `installations` table. The
 * installation (bot token, refresh token, webhook URL) is stored encrypted; without an
 * encryption key Tact refuses to store it, naming the setting (the install page then fails).
 */
export function createInstallationStore(db: Db, clock: Clock, box: SecretBox): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      if (!box.ready) {
        throw new Error(
          "TACT_ENCRYPTION_KEY is not set: Tact stores no Slack token unencrypted (set it to 32 bytes in base64, e.g. openssl rand -base64 32, and restart)",
        );
      }
      await saveInstallation(db, {
        key,
        platform: "slack",
        data: withoutSecrets(installation) as Record<string, unknown>,
        sealed: box.seal(JSON.stringify(installation)),
        at: clock.now(),
        // Installing again after an uninstall makes the workspace active again.
        workspaceExternalIds: installation.team?.id ? [installation.team.id] : [],
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await findInstallation(db, installationKey(query));
      if (!row) throw new Error("no Slack installation for this workspace");
      // A row from before encryption still works (Tact seals it at its next start).
      return (row.sealed ? JSON.parse(box.open(row.sealed)) : row.data) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await deleteInstallation(db, installationKey(query));
    },
  };
}
