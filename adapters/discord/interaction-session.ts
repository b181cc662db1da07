import type { REST } from "@discordjs/rest";
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
} from "discord-api-types/v10";
import type { Logger } from "pino";
import type { Effect } from "../../src/core/effects.ts";
import { type Catalog, catalogFor } from "../../src/messages/catalog.ts";
import type { Locale } from "../../src/messages/locale.ts";
import { type Form, message } from "../../src/messages/message.ts";
import { FORM_BUTTON_PREFIX } from "./custom-id.ts";
import type { DiscordSender } from "./discord-sender.ts";
import type { PendingForms } from "./pending-forms.ts";
import { renderForm } from "./render-form.ts";
import { type DiscordMessage, renderMessage } from "./render-message.ts";

/** Sends an interaction's first response: in the HTTP answer, or through REST (gateway). */
export type InitialResponse = (response: APIInteractionResponse) => Promise<void>;

export interface SessionDeps {
  rest: REST;
  sender: DiscordSender;
  applicationId: string;
  log: Logger;
  respond: InitialResponse;
  forms: PendingForms;
  /** The workspace's language, asked only when the adapter speaks before the core answered. */
  locale: () => Promise<Locale>;
  /** The server the interaction acts for (buttons sent in DMs carry it). */
  guildId: string;
  userId: string;
  channelId: string;
  isDm: boolean;
  /** A command meant for the channel: its messages there are public. */
  publicCommand: boolean;
}

/** How much of each typed value a refusal quotes. */
const QUOTED_MAX = 300;

type RespondableInteraction = Exclude<APIInteraction, { type: InteractionType.Ping }>;

/**
 * One interaction's answers, in order: the first response (a message, an updated message, a
 * modal, or a deferral when the work is slow), then edits and follow-ups through the
 * interaction's webhook. Every message goes out with `allowed_mentions: { parse: [] }`.
 */
export class InteractionSession {
  readonly #raw: RespondableInteraction;
  readonly #deps: SessionDeps;
  #state: "fresh" | "deferred" | "answered" = "fresh";
  /** A deferred command's "thinking…" message that has not been replaced yet. */
  #originalOpen = false;
  #deferredEphemeral = true;
  #chain: Promise<unknown> = Promise.resolve();
  #t: Promise<Catalog> | undefined;

  constructor(raw: RespondableInteraction, deps: SessionDeps) {
    this.#raw = raw;
    this.#deps = deps;
  }

  /** The interaction came from a message's component, whose message can be updated. */
  get #onMessage(): boolean {
    return (
      this.#raw.type === InteractionType.MessageComponent ||
      (this.#raw.type === InteractionType.ModalSubmit && this.#raw.message !== undefined)
    );
  }

  /** Acknowledges now, so Discord waits for the real answer (the work is taking a while). */
  defer(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#state !== "fresh") return;
      this.#state = "deferred";
      if (this.#onMessage) {
        await this.#initial({ type: InteractionResponseType.DeferredMessageUpdate });
        return;
      }
      this.#originalOpen = true;
      this.#deferredEphemeral = !this.#deps.publicCommand;
      await this.#initial({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: this.#deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {},
      });
    });
  }

  /**
   * Performs the core's effects, in the workspace's language. A form or an update goes first:
   * it must be the first response.
   */
  async perform(effects: Effect[], locale: Locale): Promise<void> {
    this.#t = Promise.resolve(catalogFor(locale));
    const first =
      effects.find((e) => e.type === "form") ??
      (this.#onMessage ? effects.find((e) => e.type === "update") : undefined);
    const ordered = first ? [first, ...effects.filter((e) => e !== first)] : effects;
    for (const effect of ordered) {
      // What follows a file would announce it ("I sent you the record"): not after a failure.
      if (!(await this.#perform(effect))) return;
    }
  }

  /** A line of the adapter's own (already Discord text), privately to the invoker. */
  notice(text: (t: Catalog) => string): Promise<void> {
    return this.#enqueue(async () => {
      const t = await this.#catalog();
      await this.#private({ content: text(t), embeds: [], components: [], allowed_mentions: { parse: [] } });
    });
  }

  /** Makes sure Discord got an answer, and clears a "thinking…" message nothing replaced. */
  finish(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#state === "fresh") {
        this.#state = "answered";
        if (this.#onMessage) {
          await this.#initial({ type: InteractionResponseType.DeferredMessageUpdate });
          return;
        }
        await this.#initial({
          type: InteractionResponseType.DeferredChannelMessageWithSource,
          data: { flags: MessageFlags.Ephemeral },
        });
        this.#originalOpen = true;
      }
      if (this.#originalOpen) {
        this.#originalOpen = false;
        await this.#webhook("delete original", () => this.#deps.rest.delete(this.#original(), { auth: false }));
      }
    });
  }

  /** Performs one effect; false when a file could not be sent (the invoker was told). */
  async #perform(effect: Effect): Promise<boolean> {
    if (effect.type === "file") {
      return this.#enqueue(async () => {
        const body = await this.#render(effect.message, this.#deps.guildId);
        const sent = await this.#sideEffect(
          () => this.#deps.sender.files(effect.userId, effect.files, body),
          (t) => t.discord.dmFailed,
        );
        if (sent) await effect.delivered?.();
        return sent;
      });
    }
    await this.#performMessage(effect);
    return true;
  }

  async #performMessage(effect: Exclude<Effect, { type: "file" }>): Promise<void> {
    const { sender } = this.#deps;
    switch (effect.type) {
      case "reply":
        return this.#enqueue(async () => this.#private(await this.#render(effect.message, this.#scope())));
      case "update":
        return this.#enqueue(async () => {
          const body = await this.#render(effect.message, this.#scope());
          return this.#onMessage ? this.#update(body) : this.#private(body);
        });
      case "form":
        return this.#enqueue(() => this.#form(effect.form));
      case "formErrors":
        return this.#enqueue(() => this.#formErrors(effect));
      case "post":
        return this.#enqueue(async () => {
          const body = await this.#render(effect.message, undefined);
          if (this.#deps.publicCommand && effect.channelId === this.#deps.channelId) return this.#public(body);
          await this.#sideEffect(
            () => sender.post(effect.channelId, body),
            (t) => t.discord.postFailed({ channel: effect.channelId }),
          );
        });
      case "dm":
        return this.#enqueue(async () => {
          const body = await this.#render(effect.message, this.#deps.guildId);
          await this.#sideEffect(
            () => sender.dm(effect.userId, body),
            (t) => t.discord.dmFailed,
          );
        });
    }
  }

  /** Buttons in a DM carry the server; in the server, the interaction says it. */
  #scope(): string | undefined {
    return this.#deps.isDm ? this.#deps.guildId : undefined;
  }

  async #private(body: DiscordMessage): Promise<void> {
    if (this.#state === "fresh") {
      this.#state = "answered";
      await this.#initial({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { ...body, flags: MessageFlags.Ephemeral },
      });
    } else if (this.#originalOpen && this.#deferredEphemeral) {
      this.#originalOpen = false;
      await this.#webhook("edit original", () => this.#deps.rest.patch(this.#original(), { body, auth: false }));
    } else {
      await this.#followUp({ ...body, flags: MessageFlags.Ephemeral });
    }
  }

  async #public(body: DiscordMessage): Promise<void> {
    if (this.#state === "fresh") {
      this.#state = "answered";
      await this.#initial({ type: InteractionResponseType.ChannelMessageWithSource, data: body });
    } else if (this.#originalOpen && !this.#deferredEphemeral) {
      this.#originalOpen = false;
      await this.#webhook("edit original", () => this.#deps.rest.patch(this.#original(), { body, auth: false }));
    } else {
      await this.#followUp(body);
    }
  }

  async #update(body: DiscordMessage): Promise<void> {
    if (this.#state === "fresh") {
      this.#state = "answered";
      await this.#initial({ type: InteractionResponseType.UpdateMessage, data: body });
    } else {
      await this.#webhook("update message", () => this.#deps.rest.patch(this.#original(), { body, auth: false }));
    }
  }

  async #form(form: Form): Promise<void> {
    if (this.#state === "fresh" && this.#raw.type !== InteractionType.ModalSubmit) {
      this.#state = "answered";
      await this.#initial({ type: InteractionResponseType.Modal, data: renderForm(form, this.#scope()) });
      return;
    }
    // A modal can only be the first answer, and never the answer to another modal.
    const t = await this.#catalog();
    const key = this.#deps.forms.put(this.#deps.userId, form);
    const prompt = message(t.discord.formLate)
      .text(t.discord.formLate)
      .buttons([{ id: `${FORM_BUTTON_PREFIX}${key}`, label: t.discord.formContinue, style: "primary" }])
      .build();
    await this.#private(await this.#render(prompt, this.#scope()));
  }

  /**
   * A modal cannot stay open with errors, nor open in answer to another modal: the messages
   * privately, with a button that reopens the form holding what was typed (or, for a form the
   * core cannot rebuild, what was typed quoted).
   */
  async #formErrors(effect: Extract<Effect, { type: "formErrors" }>): Promise<void> {
    const t = await this.#catalog();
    const lines = [t.discord.formRefused, ...Object.values(effect.errors)];
    // A long text (a letter) is quoted in part: the message must stay readable.
    const typed = Object.values(effect.values)
      .filter((v) => v.trim() !== "")
      .map((v) => (v.length > QUOTED_MAX ? `${v.slice(0, QUOTED_MAX)}…` : v));
    if (!effect.form && typed.length > 0) lines.push(t.discord.formTyped({ values: typed.join(" · ") }));
    const prompt = message(lines.join("\n")).text(lines.join("\n"));
    if (effect.form) {
      const key = this.#deps.forms.put(this.#deps.userId, effect.form);
      prompt.buttons([{ id: `${FORM_BUTTON_PREFIX}${key}`, label: t.discord.formReopen, style: "primary" }]);
    }
    await this.#private(await this.#render(prompt.build(), this.#scope()));
  }

  /** Sends; on a refusal, tells the invoker privately. True when it was sent. */
  async #sideEffect(send: () => Promise<void>, failure: (t: Catalog) => string): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      this.#deps.log.warn({ err: error }, "Discord refused a message");
      const t = await this.#catalog();
      await this.#private({ content: failure(t), embeds: [], components: [], allowed_mentions: { parse: [] } });
      return false;
    }
  }

  async #render(msg: Parameters<typeof renderMessage>[0], guildId: string | undefined): Promise<DiscordMessage> {
    return renderMessage(msg, { t: await this.#catalog(), guildId });
  }

  #catalog(): Promise<Catalog> {
    this.#t ??= this.#deps.locale().then(catalogFor);
    return this.#t;
  }

  async #initial(response: APIInteractionResponse): Promise<void> {
    try {
      await this.#deps.respond(response);
    } catch (error) {
      this.#deps.log.warn({ err: error, response: response.type }, "interaction response failed");
    }
  }

  async #followUp(body: DiscordMessage & { flags?: number }): Promise<void> {
    await this.#webhook("follow-up", () =>
      this.#deps.rest.post(Routes.webhook(this.#deps.applicationId, this.#raw.token), { body, auth: false }),
    );
  }

  #original() {
    return Routes.webhookMessage(this.#deps.applicationId, this.#raw.token, "@original");
  }

  async #webhook(what: string, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      this.#deps.log.warn({ err: error, call: what }, "interaction webhook call failed");
    }
  }

  /** One answer at a time, in order: a deferral racing the work must not overtake it. */
  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(step);
    this.#chain = run.catch(() => undefined);
    return run;
  }
}
