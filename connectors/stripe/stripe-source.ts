import type { Config } from "../../src/config.ts";
import type { Connector } from "../../src/connectors/connector.ts";
import type { SettingsSource } from "../../src/connectors/connector-runtime.ts";
import { stripeConnector } from "./stripe-connector.ts";

/** Stripe for app.ts: the connector, and the settings' connection when STRIPE_SECRET_KEY is set. */
export function stripeSource(config: Config): { connector: Connector; settings: SettingsSource | undefined } {
  return {
    connector: stripeConnector({ apiUrl: config.STRIPE_API_URL }),
    settings:
      config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
        ? {
            source: "stripe",
            secrets: { apiKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET },
          }
        : undefined,
  };
}
