import type { Logger } from "pino";
import type { RouteHandler } from "../../src/http/create-http-server.ts";
import { readSignedRequest } from "./read-signed-request.ts";
import { ed25519PublicKey } from "./verify-signature.ts";
import type { JoinedGuild } from "./welcome-owner.ts";

export const EVENTS_PATH = "/discord/events";

/** Discord's webhook event types: a PING when the URL is saved, then events. */
const PING = 0;
const EVENT = 1;
/** `integration_type` 0: installed to a server (1 is a user install). */
const GUILD_INSTALL = 0;

/**
 * Discord's webhook events (the Developer Portal's "Webhook Events URL", with the
 * APPLICATION_AUTHORIZED event): in HTTP mode there is no gateway to say that Tact joined a
 * server, so this does. Signed like interactions (Ed25519 over timestamp and body); answered
 * 204 at once, as Discord asks, and the work done after.
 */
export function eventsRoute(options: {
  publicKey: string;
  log: Logger;
  now: () => number;
  onGuildJoined: (guild: JoinedGuild) => Promise<void>;
  track?: (work: Promise<void>) => void;
}): RouteHandler {
  const key = ed25519PublicKey(options.publicKey);
  return async (req, res) => {
    const body = await readSignedRequest(req, res, {
      key,
      maxBytes: 256 * 1024,
      now: options.now,
      log: options.log,
      path: EVENTS_PATH,
    });
    if (!body) return;
    let payload: { type?: unknown; event?: { type?: unknown; data?: Record<string, unknown> } };
    try {
      payload = JSON.parse(body.toString("utf8")) as typeof payload;
    } catch {
      res.writeHead(400, { "content-type": "text/plain" }).end("bad request");
      return;
    }
    res.writeHead(204).end();
    if (payload.type === PING || payload.type !== EVENT) return;
    const joined = joinedGuild(payload.event);
    if (!joined) return;
    const work = options.onGuildJoined(joined);
    options.track?.(work);
    await work;
  };
}

/** The server an APPLICATION_AUTHORIZED event installed Tact in, with its owner (else the installer). */
function joinedGuild(event: { type?: unknown; data?: Record<string, unknown> } | undefined): JoinedGuild | undefined {
  if (event?.type !== "APPLICATION_AUTHORIZED" || event.data?.integration_type !== GUILD_INSTALL) return undefined;
  const guild = event.data.guild as { id?: unknown; owner_id?: unknown; name?: unknown; preferred_locale?: unknown };
  const user = event.data.user as { id?: unknown } | undefined;
  const id = str(guild?.id);
  const ownerId = str(guild?.owner_id) ?? str(user?.id);
  if (!id || !ownerId) return undefined;
  return { id, ownerId, name: str(guild.name), locale: str(guild.preferred_locale) };
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
