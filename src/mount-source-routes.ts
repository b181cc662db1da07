import { stripeWebhookRoute } from "../connectors/stripe/stripe-webhook-route.ts";
import { xeroWebhookRoute } from "../connectors/xero/xero-webhook-route.ts";
import type { Config } from "./config.ts";
import type { SourceServices } from "./connectors/create-sources.ts";
import { oauthCallbackRoute } from "./connectors/oauth-callback-route.ts";
import type { CoreServices } from "./core/context.ts";
import type { HttpServer } from "./http/create-http-server.ts";

/**
 * The invoice sources' routes on the one HTTP server: Stripe's webhooks, and when the
 * deployment has a Xero app, Xero's OAuth callback and webhooks.
 */
export function mountSourceRoutes(
  http: HttpServer,
  services: CoreServices & { sources: SourceServices },
  config: Config,
): void {
  const { sources, clock } = services;
  http.route("/stripe/webhooks", stripeWebhookRoute(sources.runtime, { now: () => clock.now().getTime() }));
  const xero = sources.runtime.connectors.get("xero");
  if (xero?.oauth) {
    http.route("/xero/callback", oauthCallbackRoute(services, "xero", xero.oauth));
    http.route("/xero/webhooks", xeroWebhookRoute(sources, { webhookKey: config.XERO_WEBHOOK_KEY }));
  }
}

/** Whether the console must serve HTTP for its sources (a settings' webhook, Xero's callback). */
export function sourcesNeedHttp(sources: SourceServices): boolean {
  return sources.fromSettings.size > 0 || sources.runtime.connectors.get("xero") !== undefined;
}
