import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Db } from "../../db/database.ts";
import { deleteInstallation, findInstallation, saveInstallation } from "../../db/queries/installations.ts";
import type { Clock } from "../../src/clock.ts";

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

/** Bolt's installation store, over the platform-neutral `installations` table. */
export function createInstallationStore(db: Db, clock: Clock): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      await saveInstallation(db, {
        key,
        platform: "slack",
        data: installation as unknown as Record<string, unknown>,
        at: clock.now(),
        // Installing again after an uninstall makes the workspace active again.
        workspaceExternalIds: installation.team?.id ? [installation.team.id] : [],
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const row = await findInstallation(db, installationKey(query));
      if (!row) throw new Error("no Slack installation for this workspace");
      return row.data as unknown as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await deleteInstallation(db, installationKey(query));
    },
  };
}
