import type http from "node:http";
import type Stripe from "stripe";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";
import type { ConnectorRuntime } from "../../src/connectors/connector-runtime.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { BodyTooLargeError, type RouteHandler, readBody } from "../../src/http/create-http-server.ts";
import { mapStripeObject, stripeEventTypes } from "./map-stripe.ts";
import { loadStripe } from "./stripe-client.ts";

/** Stripe's window for a signature's timestamp, in seconds, both ways. */
const TOLERANCE_S = 300;
const known = new Set<string>(stripeEventTypes);

/**
 * `POST /stripe/webhooks` (the connection made from the settings) and
 * `/stripe/webhooks/<connection id>` (one made with /client connect stripe). The signature
 * is checked with the connection's secret before the body is parsed; then the event's object
 * is applied as a change. Answers: 400 bad or stale signature, 404 unknown connection, 200
 * for an event Tact ignores or cannot read (so Stripe stops resending it; logged with its id),
 * 500 when it could not be saved (Stripe resends it later).
 */
export function stripeWebhookRoute(runtime: ConnectorRuntime, options: { now: () => number }): RouteHandler {
  const log = runtime.log.child({ source: "stripe" });
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const match = /^\/stripe\/webhooks(?:\/([^/]+))?\/?$/.exec(path);
    if (!match) return answer(res, 404, "not found");
    if (req.method !== "POST") return answer(res, 405, "POST only");
    let body: Buffer;
    try {
      body = await readBody(req, 1024 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answer(res, 413, "too large");
      throw error;
    }
    const header = req.headers["stripe-signature"];
    if (typeof header !== "string" || header === "") return answer(res, 400, "missing Stripe-Signature");
    const found = await runtime.webhookTarget("stripe", match[1]);
    if (!found) return answer(res, 404, "unknown connection");
    const secret = found.secrets.webhookSecret;
    if (!secret) return answer(res, 404, "no webhook secret for this connection");
    const StripeSdk = await loadStripe();
    const nowMs = options.now();
    const nowS = Math.floor(nowMs / 1000);
    let event: Stripe.Event;
    try {
      // Stripe's check refuses timestamps too old; one too far ahead is refused here.
      const t = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
      if (!Number.isFinite(t) || t - nowS > TOLERANCE_S) throw new Error("timestamp outside the window");
      event = StripeSdk.webhooks.constructEvent(body, header, secret, TOLERANCE_S, undefined, nowMs);
    } catch {
      log.warn({ connection: found.target.connection.id }, "Stripe webhook with a bad or stale signature refused");
      return answer(res, 400, "bad signature");
    }
    const eventLog = log.child({ eventId: event.id, type: event.type, connection: found.target.connection.id });
    if (!known.has(event.type)) {
      eventLog.debug("Stripe event ignored");
      return answer(res, 200, "ignored");
    }
    try {
      const change = mapStripeObject(event.data?.object, event.created, found.target.workspace.timezone);
      await runtime.apply(found.target, { ...change, eventId: event.id });
      eventLog.info("Stripe event applied");
      return answer(res, 200, "ok");
    } catch (error) {
      if (error instanceof MalformedChangeError) {
        eventLog.warn({ problems: error.problems }, "malformed Stripe object: event skipped, nothing written");
        return answer(res, 200, "malformed object skipped");
      }
      if (isDatabaseUnavailable(error)) {
        eventLog.warn("database unavailable: Stripe will resend this event");
        return answer(res, 503, "unavailable");
      }
      eventLog.error({ err: error }, "Stripe event could not be applied; Stripe will resend it");
      return answer(res, 500, "error");
    }
  };
}

function answer(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain" }).end(text);
}
