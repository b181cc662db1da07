import type { Logger } from "pino";
import { stripeSource } from "../connectors/stripe/stripe-source.ts";
import { xeroSource } from "../connectors/xero/xero-source.ts";
import type { Db } from "../db/database.ts";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import { createSources, type SourceServices } from "./connectors/create-sources.ts";
import { loadSecretBox } from "./secrets/load-secret-box.ts";
import type { SecretBox } from "./secrets/secret-box.ts";

/** The invoice sources for this configuration (Stripe; Xero when its app is set), with the key that seals their secrets. */
export function openSources(
  config: Config,
  services: { db: Db; clock: Clock; log: Logger; dataDir: string },
  platforms: readonly string[],
  schedule: boolean,
  box: SecretBox,
): SourceServices {
  // Xero only when the deployment has a Xero app (XERO_CLIENT_ID…): then /client connect xero works.
  const xero = xeroSource(config);
  return createSources({
    services,
    clock: services.clock,
    sources: [stripeSource(config), ...(xero ? [xero] : [])],
    box,
    platforms,
    schedule,
  });
}

/**
 * The key stored secrets are sealed with (TACT_ENCRYPTION_KEY, or the embedded mode's
 * generated one in DATA_DIR; none with DATABASE_URL and no key: storing then refuses).
 */
export function openSecretBox(config: Config, dataDir: string): SecretBox {
  return loadSecretBox({
    encryptionKey: config.TACT_ENCRYPTION_KEY,
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : dataDir,
  });
}
