import type { KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { withinSignedRequestWindow } from "../../src/core/signed-request-window.ts";
import { BodyTooLargeError, readBody } from "../../src/http/create-http-server.ts";
import { verifyDiscordSignature } from "./verify-signature.ts";

/**
 * The raw body of a request Discord signed (interactions and webhook events alike), or
 * undefined once the request has been answered: 405 for another method, 413 past `maxBytes`,
 * 401 for a bad Ed25519 signature over timestamp and body, and 401 for a timestamp more than
 * five minutes from now (a captured request replayed later, once its id has been forgotten).
 * The timestamp is checked after the signature, so only Discord's own requests are logged as stale.
 */
export async function readSignedRequest(
  req: IncomingMessage,
  res: ServerResponse,
  o: { key: KeyObject; maxBytes: number; now: () => number; log: Logger; path: string },
): Promise<Buffer | undefined> {
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST", "content-type": "text/plain" }).end("method not allowed");
    return undefined;
  }
  let body: Buffer;
  try {
    body = await readBody(req, o.maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    res.writeHead(413, { "content-type": "text/plain" }).end("request too large");
    return undefined;
  }
  const signature = header(req.headers["x-signature-ed25519"]);
  const timestamp = header(req.headers["x-signature-timestamp"]);
  if (!verifyDiscordSignature(o.key, signature, timestamp, body)) {
    o.log.info({ path: o.path }, "refused a request with a bad Discord signature");
    res.writeHead(401, { "content-type": "text/plain" }).end("invalid request signature");
    return undefined;
  }
  if (!withinSignedRequestWindow(timestamp ?? "", o.now())) {
    o.log.warn(
      { path: o.path, timestamp },
      "refused a Discord request signed more than five minutes from now (a replay, or a wrong server clock)",
    );
    res.writeHead(401, { "content-type": "text/plain" }).end("request timestamp out of range");
    return undefined;
  }
  return body;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
