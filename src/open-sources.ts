import type { Logger } from "pino";
import { stripeSource } from "../connectors/stripe/stripe-source.ts";
import type { Db } from "../db/database.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { createSources, type SourceServices } from "./connectors/create-sources.ts";
import { loadSecretBox } from "./secrets/load-secret-box.ts";

/** The invoice sources for this configuration (Stripe today), with the key that seals their secrets. */
export function openSources(
  config: Config,
  services: { db: Db; clock: Clock; log: Logger; dataDir: string },
  platforms: readonly string[],
  schedule: boolean,
): SourceServices {
  const box = loadSecretBox({
    encryptionKey: config.TACT_ENCRYPTION_KEY,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : services.dataDir,
  });
  return createSources({
    services,
    clock: services.clock,
    sources: [stripeSource(config)],
    box,
    platforms,
    schedule,
  });
}
