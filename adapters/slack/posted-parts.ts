import type { WebClient } from "@slack/web-api";
import type { DeliveryAttempt } from "../../src/core/outbox.ts";
import { slackErrorCode } from "./slack-error.ts";

/** The metadata event type on every message of a scheduled delivery (its id and part number). */
export const DELIVERY_EVENT = "tact_delivery";

/** Slack's clock and ours may differ: look this much further back than the first attempt. */
const CLOCK_MARGIN_MS = 10 * 60_000;
const PAGE = 200;
/** 5,000 messages since the first attempt: a channel busier than that cannot be searched. */
const MAX_PAGES = 25;

interface HistoryMessage {
  metadata?: { event_type?: string; event_payload?: { delivery?: unknown; part?: unknown } };
}

/**
 * Which parts of a delivery are already in the channel, read from the messages posted since its
 * first attempt (conversations.history with their metadata). Throws when Slack cannot say
 * (a missing history scope, a channel Tact is not in, no answer): the caller must then not
 * post, since the message may be there.
 */
export async function postedParts(client: WebClient, channel: string, delivery: DeliveryAttempt): Promise<Set<number>> {
  const found = new Set<number>();
  const oldest = ((delivery.since.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await client.conversations.history({
        channel,
        oldest,
        limit: PAGE,
        include_all_metadata: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const m of (res.messages ?? []) as HistoryMessage[]) {
        const payload = m.metadata?.event_type === DELIVERY_EVENT ? m.metadata.event_payload : undefined;
        if (payload?.delivery === delivery.id && typeof payload.part === "number") found.add(payload.part);
      }
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!res.has_more || !cursor) return found;
    }
  } catch (error) {
    throw new Error(
      `could not read the channel to tell whether an earlier attempt had posted it (${slackErrorCode(error) ?? "no answer"}); not posted again`,
    );
  }
  throw new Error(
    `more than ${PAGE * MAX_PAGES} messages in the channel since the first attempt; whether it was posted is unknown, so it is not posted again`,
  );
}
