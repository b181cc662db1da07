import { createHmac, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { z } from "zod";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";
import type { SourceServices } from "../../src/connectors/create-sources.ts";
import { BodyTooLargeError, type RouteHandler, readBody } from "../../src/http/create-http-server.ts";

const event = z.object({
  resourceUrl: z.string().min(1),
  resourceId: z.string().min(1).max(100),
  eventDateUtc: z.string().min(1),
  eventType: z.string().min(1),
  eventCategory: z.string().min(1),
  tenantId: z.string().min(1).max(100),
  tenantType: z.string().min(1),
});
const payload = z.object({
  events: z.array(event).max(1000),
  firstEventSequence: z.number().int(),
  lastEventSequence: z.number().int(),
  entropy: z.string(),
});

/** Changes to these may change what a sales invoice owes (a credit note is applied to invoices). */
const FOLLOWED = new Set(["INVOICE", "CREDITNOTE"]);

/** True when `signature` is the base64 HMAC-SHA256 of the raw body under the webhook key. */
export function xeroSignatureValid(body: Buffer, signature: string | undefined, key: string): boolean {
  if (!signature) return false;
  const expected = createHmac("sha256", key).update(body).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * `POST /xero/webhooks`. Xero signs each delivery with the app's webhook key and wants an
 * empty 200 within 5 seconds, or a 401 for a bad signature (its "intent to receive" check
 * sends both). Its events say only which invoice of which organisation changed, so the
 * connections to those organisations are marked to sync (stored before answering: nothing is
 * lost if Tact stops now) and the worker reads what changed, If-Modified-Since its last sync.
 * A payload Tact cannot read is refused whole: logged, nothing written, 200 so Xero does not
 * resend it for a day and then disable the webhook.
 */
export function xeroWebhookRoute(sources: SourceServices, options: { webhookKey: string | undefined }): RouteHandler {
  const log = sources.runtime.log.child({ source: "xero" });
  return async (req, res) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (!/^\/xero\/webhooks\/?$/.test(path) || !options.webhookKey) return answer(res, 404);
    if (req.method !== "POST") return answer(res, 405);
    let body: Buffer;
    try {
      body = await readBody(req, 1024 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answer(res, 413);
      throw error;
    }
    const signature = req.headers["x-xero-signature"];
    if (!xeroSignatureValid(body, typeof signature === "string" ? signature : undefined, options.webhookKey)) {
      log.warn("Xero webhook with a bad signature refused");
      return answer(res, 401);
    }
    let parsed: z.infer<typeof payload>;
    try {
      const result = payload.safeParse(JSON.parse(body.toString("utf8")));
      if (!result.success)
        throw new Error(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      parsed = result.data;
    } catch (error) {
      log.warn(
        { problem: (error as Error).message.slice(0, 300) },
        "malformed Xero webhook: refused whole, nothing written",
      );
      return answer(res, 200);
    }
    const tenants = [...new Set(parsed.events.filter((e) => FOLLOWED.has(e.eventCategory)).map((e) => e.tenantId))];
    const eventLog = log.child({
      sequence: `${parsed.firstEventSequence}-${parsed.lastEventSequence}`,
      events: parsed.events.length,
    });
    try {
      let asked = 0;
      for (const tenant of tenants) {
        const connections = await sources.runtime.requestSync("xero", tenant);
        if (connections === 0)
          eventLog.info({ tenant }, "Xero events for an organisation no workspace connects: ignored");
        asked += connections;
      }
      if (asked > 0) sources.worker.kick();
      eventLog.info(
        { asked },
        parsed.events.length === 0 ? "Xero intent-to-receive check answered" : "Xero events received",
      );
      return answer(res, 200);
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        eventLog.warn("database unavailable: Xero will resend these events");
        return answer(res, 503);
      }
      eventLog.error({ err: error }, "Xero events could not be recorded; Xero will resend them");
      return answer(res, 500);
    }
  };
}

/** Xero wants no body and no cookies in the answer. */
function answer(res: http.ServerResponse, status: number): void {
  res.writeHead(status, { "content-length": "0" }).end();
}
