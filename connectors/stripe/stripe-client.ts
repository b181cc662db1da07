import type Stripe from "stripe";

let sdk: Promise<typeof Stripe> | undefined;

/**
 * The official SDK, loaded the first time Stripe is used: a deployment without Stripe (and
 * the console) does not pay for loading it at start.
 */
export function loadStripe(): Promise<typeof Stripe> {
  sdk ??= import("stripe").then((m) => m.default);
  return sdk;
}

/**
 * The official client for one key. STRIPE_API_URL (tests, proxies) becomes the client's
 * host, port and protocol. No retries inside a call: a failing sync is retried as a whole,
 * later, with backoff.
 */
export async function createStripeClient(apiKey: string, apiUrl: string | undefined): Promise<Stripe> {
  const StripeSdk = await loadStripe();
  const base = apiUrl ? new URL(apiUrl) : undefined;
  return new StripeSdk(apiKey, {
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
