import type { Clock } from "../clock.ts";
import type { CoreServices } from "../core/context.ts";
import type { SecretBox } from "../secrets/secret-box.ts";
import type { Connector } from "./connector.ts";
import { type ConnectorRuntime, createConnectorRuntime, type SettingsSource } from "./connector-runtime.ts";
import { type SyncWorker, startSyncWorker } from "./sync-worker.ts";

/** What the commands (/client connect, link, unlinked, sync) use of the invoice sources. */
export interface SourceServices {
  runtime: ConnectorRuntime;
  worker: SyncWorker;
  /** Sources configured by the deployment's settings (connected to its single workspace). */
  fromSettings: ReadonlySet<string>;
}

/** Once a minute, the sync worker looks for connections due (the catch-up itself is daily). */
export const SYNC_POLL_MS = 60_000;

/** The invoice sources of a deployment: the runtime the connectors and commands share, and the sync worker. */
export function createSources(options: {
  services: Omit<CoreServices, "sources">;
  clock: Clock;
  sources: readonly { connector: Connector; settings: SettingsSource | undefined }[];
  box: SecretBox;
  platforms: readonly string[];
  /** Poll for due syncs (the app); off in tests, which call worker.runDue(). */
  schedule: boolean;
}): SourceServices {
  const settings = options.sources.flatMap((s) => (s.settings ? [s.settings] : []));
  const runtime = createConnectorRuntime({
    services: options.services,
    connectors: options.sources.map((s) => s.connector),
    settings,
    box: options.box,
    platforms: options.platforms,
  });
  const worker = startSyncWorker(
    { services: options.services, runtime, clock: options.clock, log: options.services.log },
    { intervalMs: options.schedule ? SYNC_POLL_MS : undefined },
  );
  return { runtime, worker, fromSettings: new Set(settings.map((s) => s.source)) };
}
