import type { Locale } from "./locale.ts";

/**
 * The neutral message model. The core builds messages once; each adapter renders them
 * (Slack Block Kit, Discord embeds and components, console text) and enforces its own
 * platform's limits by visible truncation. All text is plain: adapters escape it.
 */
export interface Button {
  /** Action id the adapter sends back when pressed: `name:arg:arg` (at most 100 chars). */
  id: string;
  label: string;
  style?: "primary" | "danger";
  /**
   * The button that says yes (or no) to a question the message asks. Platforms show it as
   * any button; the console also takes a typed `yes` (or `no`) for it, so scripts can answer.
   */
  role?: "confirm" | "cancel";
}

export interface Field {
  label: string;
  value: string;
}

export type Block =
  | { type: "header"; text: string }
  | { type: "section"; text?: string; fields?: Field[] }
  | { type: "context"; text: string }
  | { type: "divider" }
  | { type: "actions"; buttons: Button[] }
  | {
      type: "select";
      /** Action id; the chosen value is appended as the last `:arg`. */
      id: string;
      placeholder: string;
      options: { label: string; value: string }[];
    }
  | { type: "progress"; current: number; total: number; label: string };

export interface Message {
  blocks: Block[];
  /** The language it is written in, where a renderer punctuates for it (a field's "label: value"). */
  locale?: Locale;
  /** Plain-text summary, for notifications and platforms that show no blocks. */
  fallback: string;
}

/** A form to fill in (a Slack modal, a Discord modal, the next console line). */
export interface Form {
  /** Action id submitted with the values: `name:arg:arg`. */
  id: string;
  title: string;
  submitLabel: string;
  fields: FormField[];
}

export interface FormField {
  id: string;
  label: string;
  multiline: boolean;
  required: boolean;
  initial?: string;
  maxLength?: number;
  /** One of these values (a select on Slack and Discord; the console lists them). */
  choices?: { value: string; label: string }[];
  /**
   * What the text is: a day (a date picker on Slack, typed elsewhere in any way the commands
   * accept), or a client (a type-ahead on Slack, where `suggest` names the command whose
   * completions it offers; typed elsewhere). Plain text when absent.
   */
  kind?: "date" | "client";
  /** The command whose option completions a `client` field offers (`invoice`). */
  suggest?: string;
  /**
   * A `client` field's clients when there are few enough to list (100 at most): Slack shows
   * them as a plain select, which works without the app's options load URL; with more, it
   * shows the type-ahead.
   */
  listed?: { value: string; label: string }[];
  /** A hint shown inside the empty input (`2026-01-15, 15 Jan 2026, +30d`). */
  placeholder?: string;
}

/** Small builder so messages read top-down where they are composed. */
export class MessageBuilder {
  readonly blocks: Block[] = [];
  #locale: Locale | undefined;
  constructor(private readonly fallbackText: string) {}

  header(text: string): this {
    this.blocks.push({ type: "header", text });
    return this;
  }
  text(text: string): this {
    this.blocks.push({ type: "section", text });
    return this;
  }
  fields(fields: Field[], text?: string): this {
    if (fields.length === 0 && !text) return this;
    this.blocks.push({ type: "section", fields, ...(text ? { text } : {}) });
    return this;
  }
  context(text: string): this {
    this.blocks.push({ type: "context", text });
    return this;
  }
  divider(): this {
    this.blocks.push({ type: "divider" });
    return this;
  }
  buttons(buttons: Button[]): this {
    if (buttons.length > 0) this.blocks.push({ type: "actions", buttons });
    return this;
  }
  progress(current: number, total: number, label: string): this {
    this.blocks.push({ type: "progress", current, total, label });
    return this;
  }
  /** The language of the text, for renderers that add punctuation (a field's colon). */
  inLocale(locale: Locale): this {
    this.#locale = locale;
    return this;
  }
  build(): Message {
    return { blocks: this.blocks, fallback: this.fallbackText, ...(this.#locale ? { locale: this.#locale } : {}) };
  }
}

export function message(fallback: string): MessageBuilder {
  return new MessageBuilder(fallback);
}

/** A message of one plain paragraph. */
export function textMessage(text: string): Message {
  return { blocks: [{ type: "section", text }], fallback: text };
}
