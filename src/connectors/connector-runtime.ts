import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import {
  activeWorkspaces,
  type ConnectionRow,
  findConnection,
  insertConnection,
  requestSyncOfAccount,
  settingsConnections,
  updateConnectionSecrets,
} from "../../db/queries/connections.ts";
import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { CoreServices } from "../core/context.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import { applySourceChange, type SyncCounts, type SyncTarget } from "./apply-source-change.ts";
import type { Connector, SourceChange } from "./connector.ts";

/** A source configured by the deployment's settings (one agency): its secrets, for the single workspace. */
export interface SettingsSource {
  source: InvoiceSource;
  secrets: Record<string, string>;
}

/**
 * What the connector folders get from the core: find a connection and its secrets, apply
 * changes. They write no SQL themselves (the boundary test checks it).
 */
export interface ConnectorRuntime {
  readonly connectors: ReadonlyMap<InvoiceSource, Connector>;
  /** A connection by id, or the one made from the settings when id is undefined; with its secrets. */
  webhookTarget(
    source: InvoiceSource,
    id: string | undefined,
  ): Promise<{ target: SyncTarget; secrets: Record<string, string> } | undefined>;
  apply(target: SyncTarget, change: SourceChange): Promise<SyncCounts>;
  /** The secrets of a connection, decrypted. */
  secretsOf(connection: ConnectionRow): Record<string, string>;
  /**
   * A webhook said the source's account changed: its connections sync as soon as a worker can
   * (kick the worker after). Returns how many connections were asked.
   */
  requestSync(source: InvoiceSource, accountId: string): Promise<number>;
  /** Seals and stores new secrets for a connection made with /client connect (refreshed tokens). */
  saveSecrets(connectionId: string, secrets: Readonly<Record<string, string>>): Promise<void>;
  /**
   * Attaches each settings source to the deployment's single workspace once it exists.
   * Returns the connections made now.
   */
  attachSettingsSources(): Promise<ConnectionRow[]>;
  box: SecretBox;
  log: Logger;
}

export function createConnectorRuntime(options: {
  services: CoreServices;
  connectors: readonly Connector[];
  settings: readonly SettingsSource[];
  box: SecretBox;
  /** The platforms this deployment serves: the settings' source attaches to its only workspace. */
  platforms: readonly string[];
}): ConnectorRuntime {
  const { services, box } = options;
  const log = services.log.child({ component: "connectors" });
  const settings = new Map(options.settings.map((s) => [s.source, s]));
  const warnedSeveral = new Set<string>();

  function secretsOf(connection: ConnectionRow): Record<string, string> {
    if (connection.origin === "settings") return settings.get(connection.source)?.secrets ?? {};
    if (!connection.secrets) return {};
    return JSON.parse(box.open(connection.secrets)) as Record<string, string>;
  }

  const runtime: ConnectorRuntime = {
    connectors: new Map(options.connectors.map((c) => [c.source, c])),
    box,
    log,
    secretsOf,
    async webhookTarget(source, id) {
      if (id === undefined) {
        if (!settings.has(source)) return undefined;
        let [connection] = await settingsConnections(services.db, source);
        if (!connection) {
          await runtime.attachSettingsSources();
          // Read again: another replica may have attached it at the same moment.
          [connection] = await settingsConnections(services.db, source);
        }
        if (!connection) return undefined;
        const found = await findConnection(services.db, connection.id);
        return found ? { target: found, secrets: secretsOf(found.connection) } : undefined;
      }
      // Ids are random hex: anything else is not one of ours, and is not looked up.
      if (!/^[a-f0-9]{8,64}$/.test(id)) return undefined;
      const found = await findConnection(services.db, id);
      if (!found || found.connection.source !== source || found.connection.origin !== "command") return undefined;
      return { target: found, secrets: secretsOf(found.connection) };
    },
    apply: (target, change) => applySourceChange(services, target, change),
    async requestSync(source, accountId) {
      return (await requestSyncOfAccount(services.db, source, accountId, services.clock.now())).length;
    },
    async saveSecrets(connectionId, secrets) {
      await updateConnectionSecrets(services.db, connectionId, box.seal(JSON.stringify(secrets)));
    },
    async attachSettingsSources() {
      const made: ConnectionRow[] = [];
      for (const s of settings.values()) {
        const [existing] = await settingsConnections(services.db, s.source);
        if (existing) continue;
        const workspaces = await activeWorkspaces(services.db, options.platforms);
        const [only] = workspaces;
        if (workspaces.length > 1) {
          if (!warnedSeveral.has(s.source)) {
            warnedSeveral.add(s.source);
            log.error(
              { source: s.source },
              "the invoice source in the settings attaches to a single workspace, but several use Tact: connect each one with /client connect instead",
            );
          }
          continue;
        }
        if (!only) continue;
        const row = await insertConnection(services.db, {
          id: newConnectionId(),
          workspaceId: only.id,
          source: s.source,
          origin: "settings",
          secrets: null,
          createdBy: "settings",
          at: services.clock.now(),
        });
        if (row) {
          log.info({ source: s.source, workspace: only.externalId }, "invoice source attached from the settings");
          made.push(row);
        }
      }
      return made;
    },
  };
  return runtime;
}

export function newConnectionId(): string {
  return randomBytes(12).toString("hex");
}
