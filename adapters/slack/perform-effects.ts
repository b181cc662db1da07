import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import { type Effect, fileBytes } from "../../src/core/effects.ts";
import type { DeliveryAttempt } from "../../src/core/outbox.ts";
import type { Catalog } from "../../src/messages/catalog.ts";
import { type Message, textMessage } from "../../src/messages/message.ts";
import type { AckSlot } from "./ack-slot.ts";
import type { DmChannels } from "./dm-channels.ts";
import { DELIVERY_EVENT, postedParts } from "./posted-parts.ts";
import { renderMessage, type SlackMessage } from "./render-blocks.ts";
import { fieldOfBlock, renderModal } from "./render-modal.ts";
import { slackErrorCode } from "./slack-error.ts";

/** Where a request came from, so effects can answer there. Empty for the scheduler's sends. */
export interface Surface {
  teamId: string;
  /** The person who acted (the scheduler has nobody). */
  userId?: string | undefined;
  channelId?: string | undefined;
  responseUrl?: string | undefined;
  triggerId?: string | undefined;
  /** The message that held the pressed button. */
  message?: { channelId: string; ts: string; ephemeral: boolean } | undefined;
  /** The press came from the App Home tab. */
  home?: boolean | undefined;
  /** A slash command's acknowledgement, while it can still carry the first answer. */
  ack?: AckSlot | undefined;
  /** A form submission's acknowledgement, while it can still keep the form open with errors. */
  viewAck?: AckSlot | undefined;
  /** The block ids of the submitted form (a field may span several, or be a type-ahead). */
  viewBlocks?: readonly string[] | undefined;
  /** A scheduled delivery's attempt: its messages carry its id, and a retry looks for them first. */
  delivery?: DeliveryAttempt | undefined;
}

export interface EffectsDeps {
  client: WebClient;
  t: Catalog;
  log: Logger;
  dmChannels: DmChannels;
  fetch: typeof fetch;
  /** Called when Slack says the workspace's token is no longer valid. */
  onTokenRevoked?: ((teamId: string) => Promise<void>) | undefined;
}

/** Slack shows an error under a field in up to this many characters. */
const ERROR_MAX = 2000;

const REVOKED = new Set(["token_revoked", "account_inactive", "invalid_auth", "not_authed", "team_disabled"]);

/**
 * Performs the core's effects with the Web API. Answering a request, a failed post or DM is
 * explained privately to the person who asked; for the scheduler (no person) it is thrown so
 * that the delivery is retried and logged.
 */
export class SlackEffects {
  /** Messages this instance has posted: a send that fails after one was posted is not a clean refusal. */
  posted = 0;

  constructor(private readonly deps: EffectsDeps) {}

  async perform(effects: readonly Effect[], surface: Surface): Promise<void> {
    for (const effect of effects) {
      try {
        await this.#one(effect, surface);
      } catch (error) {
        const code = slackErrorCode(error);
        if (code && REVOKED.has(code)) await this.deps.onTokenRevoked?.(surface.teamId);
        if (!surface.userId || effect.type === "reply") throw error;
        this.deps.log.warn({ err: error, effect: effect.type, code: code ?? "network" }, "Slack refused an effect");
        await this.#reply(this.#failure(effect, code), surface).catch((e: unknown) =>
          this.deps.log.warn({ err: e, code: slackErrorCode(e) ?? "network" }, "could not explain a failed effect"),
        );
        // What follows a file would announce it ("I sent you the record"): not after a failure.
        if (effect.type === "file") return;
      }
    }
  }

  async #one(effect: Effect, surface: Surface): Promise<void> {
    const { client, t } = this.deps;
    switch (effect.type) {
      case "reply":
        return this.#reply(effect.message, surface);
      case "post": {
        const parts = renderMessage(effect.message, t);
        if (surface.delivery) return this.#deliver(effect.channelId, parts, surface.delivery);
        for (const m of parts) {
          // In the channel the person is in, the response_url posts even where Tact is not a member.
          const here = surface.responseUrl && !surface.home && effect.channelId === surface.channelId;
          if (here && (await surface.ack?.answer({ ...m, response_type: "in_channel" }))) continue;
          if (
            here &&
            (await this.#respond(surface.responseUrl ?? "", {
              ...m,
              response_type: "in_channel",
              replace_original: false,
            }))
          ) {
            continue;
          }
          await client.chat.postMessage({
            channel: effect.channelId,
            text: m.text,
            blocks: m.blocks,
            unfurl_links: false,
          });
        }
        return;
      }
      case "dm": {
        const channel = await this.deps.dmChannels.get(client, surface.teamId, effect.userId);
        const parts = renderMessage(effect.message, t);
        if (surface.delivery) return this.#deliver(channel, parts, surface.delivery);
        for (const m of parts) {
          await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false });
        }
        return;
      }
      case "update":
        return this.#update(effect.message, surface);
      case "formErrors": {
        // Under each field, and the form stays open with what was typed.
        const errors: Record<string, string> = {};
        for (const [field, text] of Object.entries(effect.errors)) {
          const block = surface.viewBlocks?.find((b) => fieldOfBlock(b) === field);
          if (block) errors[block] = text.slice(0, ERROR_MAX);
        }
        const kept =
          Object.keys(errors).length === Object.keys(effect.errors).length &&
          (await surface.viewAck?.answer({ response_action: "errors", errors }));
        // Too late (the form has closed): said privately, as any refusal.
        if (!kept) await this.#reply(textMessage(Object.values(effect.errors).join("\n")), surface);
        return;
      }
      case "form": {
        if (!surface.triggerId) {
          this.deps.log.warn("a form can only open in answer to a person's action");
          return;
        }
        const view = renderModal(
          effect.form,
          {
            formId: effect.form.id,
            channelId: surface.message?.channelId ?? surface.channelId,
            responseUrl: surface.responseUrl,
            messageTs: surface.message?.ts,
            ephemeral: surface.message?.ephemeral,
            home: surface.home,
          },
          t,
        );
        try {
          await client.views.open({ trigger_id: surface.triggerId, view });
        } catch (error) {
          if (slackErrorCode(error) !== "expired_trigger_id") throw error;
          await this.#reply(textMessage(t.slack.formExpired), surface);
        }
        return;
      }
      case "file": {
        const channel = await this.deps.dmChannels.get(client, surface.teamId, effect.userId);
        for (const m of renderMessage(effect.message, t)) {
          await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false });
        }
        await client.filesUploadV2({
          channel_id: channel,
          file_uploads: effect.files.map((f) => ({ file: fileBytes(f), filename: f.filename, title: f.filename })),
        });
        await effect.delivered?.();
        return;
      }
    }
  }

  /**
   * A scheduled delivery's messages, each carrying the delivery's id and its part number in
   * its metadata. When an earlier attempt may have posted some (no answer in time), Slack is
   * asked which are there, and only the others are posted.
   */
  async #deliver(channel: string, parts: readonly SlackMessage[], delivery: DeliveryAttempt): Promise<void> {
    const { client } = this.deps;
    const there = delivery.verify ? await postedParts(client, channel, delivery) : new Set<number>();
    if (there.size > 0) {
      this.deps.log.info(
        { delivery: delivery.id, parts: there.size, of: parts.length },
        "an earlier attempt had posted this delivery: not posted again",
      );
    }
    for (const [part, m] of parts.entries()) {
      if (there.has(part)) continue;
      await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
        metadata: { event_type: DELIVERY_EVENT, event_payload: { delivery: delivery.id, part } },
      });
      this.posted += 1;
    }
  }

  /** Private to the invoker: the response_url, else an ephemeral message, else a DM. */
  async #reply(message: Message, surface: Surface): Promise<void> {
    const { client, t } = this.deps;
    const rendered = renderMessage(message, t);
    const { userId } = surface;
    if (!userId) {
      this.deps.log.warn("a reply has nobody to go to; dropped");
      return;
    }
    for (const m of rendered) {
      if (await surface.ack?.answer({ ...m, response_type: "ephemeral" })) continue;
      if (
        surface.responseUrl &&
        (await this.#respond(surface.responseUrl, { ...m, response_type: "ephemeral", replace_original: false }))
      ) {
        continue;
      }
      if (surface.channelId && !surface.home) {
        try {
          await client.chat.postEphemeral({ channel: surface.channelId, user: userId, text: m.text, blocks: m.blocks });
          continue;
        } catch (error) {
          this.deps.log.info({ code: slackErrorCode(error) }, "ephemeral reply refused; sending it as a DM");
        }
      }
      const channel = await this.deps.dmChannels.get(client, surface.teamId, userId);
      await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false });
    }
  }

  /** Replaces the message that held the button; the rest of a long message follows it. */
  async #update(message: Message, surface: Surface): Promise<void> {
    const { client, t } = this.deps;
    // App Home is republished after every press there.
    if (surface.home) return;
    const target = surface.message;
    if (!target) return this.#reply(message, surface);
    const [first, ...rest] = renderMessage(message, t);
    if (!first) return;
    if (target.ephemeral) {
      // Ephemeral messages can only be replaced through the response_url.
      if (!surface.responseUrl || !(await this.#respond(surface.responseUrl, { ...first, replace_original: true }))) {
        await this.#reply(message, surface);
        return;
      }
      for (const m of rest)
        await this.#respond(surface.responseUrl, { ...m, response_type: "ephemeral", replace_original: false });
      return;
    }
    await client.chat.update({ channel: target.channelId, ts: target.ts, text: first.text, blocks: first.blocks });
    for (const m of rest) {
      await client.chat.postMessage({ channel: target.channelId, text: m.text, blocks: m.blocks, unfurl_links: false });
    }
  }

  /** Posts to a response_url; false when Slack refused it (expired, used five times). */
  async #respond(url: string, body: SlackMessage & Record<string, unknown>): Promise<boolean> {
    try {
      const res = await this.deps.fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (res.ok) return true;
      this.deps.log.info({ status: res.status }, "response_url refused");
      return false;
    } catch (error) {
      this.deps.log.info({ err: error }, "response_url unreachable");
      return false;
    }
  }

  #failure(effect: Effect, code: string | undefined): Message {
    const { t } = this.deps;
    const reasons = t.slack.reasons as Record<string, unknown>;
    const known = code ? reasons[code] : undefined;
    const reason = typeof known === "string" ? known : t.slack.reasons.other({ code: code ?? "network" });
    switch (effect.type) {
      case "post":
        return textMessage(t.slack.postFailed({ channel: effect.channelId, reason }));
      case "file":
        return textMessage(t.slack.fileFailed({ reason }));
      default:
        return textMessage(t.slack.dmFailed({ reason }));
    }
  }
}
