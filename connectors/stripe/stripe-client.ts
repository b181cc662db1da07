import Stripe from "stripe";

/**
 * The official client for one key. STRIPE_API_URL (tests, proxies) becomes the client's
 * host, port and protocol. No retries inside a call: a failing sync is retried as a whole,
 * later, with backoff.
 */
export function createStripeClient(apiKey: string, apiUrl: string | undefined): Stripe {
  const base = apiUrl ? new URL(apiUrl) : undefined;
  return new Stripe(apiKey, {
    maxNetworkRetries: 0,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          protocol: base.protocol === "http:" ? "http" : "https",
          ...(base.port ? { port: Number(base.port) } : {}),
        }
      : {}),
  });
}
