import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationRecords } from "../../src/installations/installation-records.ts";

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

/** Bolt's installation store, over Tact's installation records (sealed at rest). */
export function createInstallationStore(records: InstallationRecords): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      const key = installationKey({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      // Installing again after an uninstall makes the workspace active again.
      await records.save(key, "slack", installation, installation.team?.id ? [installation.team.id] : []);
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const installation = await records.find(installationKey(query));
      if (!installation) throw new Error("no Slack installation for this workspace");
      return installation as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await records.delete(installationKey(query));
    },
  };
}
