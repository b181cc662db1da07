import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import type { Logger } from "pino";
import type { RouteHandler } from "../../src/http/create-http-server.ts";
import type { InteractionHandler } from "./handle-interaction.ts";
import { readSignedRequest } from "./read-signed-request.ts";
import { ed25519PublicKey } from "./verify-signature.ts";

export const INTERACTIONS_PATH = "/discord/interactions";

/**
 * Discord's HTTP interactions endpoint: verifies the Ed25519 signature over the raw body
 * before reading anything (401 otherwise: Discord checks that bad signatures are refused),
 * and refuses a timestamp more than five minutes from now (a captured request replayed
 * later, once its id has been forgotten, would otherwise be applied again). Then it answers with the interaction's first response as the HTTP body. Later answers go
 * through the interaction's webhook, as in gateway mode.
 */
export function interactionsRoute(options: {
  publicKey: string;
  handler: InteractionHandler;
  log: Logger;
  /** Current time in ms, for the timestamp's window (the core's clock). */
  now: () => number;
  /** Tracks the work started by a request (edits and follow-ups outlive the HTTP answer). */
  track?: (work: Promise<void>) => void;
}): RouteHandler {
  const key = ed25519PublicKey(options.publicKey);
  return async (req, res) => {
    const body = await readSignedRequest(req, res, {
      key,
      maxBytes: 1024 * 1024,
      now: options.now,
      log: options.log,
      path: INTERACTIONS_PATH,
    });
    if (!body) return;
    let raw: APIInteraction;
    try {
      raw = JSON.parse(body.toString("utf8")) as APIInteraction;
      if (typeof raw !== "object" || raw === null || typeof raw.type !== "number")
        throw new Error("not an interaction");
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad request");
      return;
    }
    let answered = false;
    const respond = async (response: APIInteractionResponse): Promise<void> => {
      if (answered || res.writableEnded) throw new Error("the interaction was already answered");
      answered = true;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(response));
    };
    const work = options.handler(raw, respond);
    options.track?.(work);
    await work;
    if (!answered) res.writeHead(500, { "content-type": "text/plain" }).end();
  };
}
