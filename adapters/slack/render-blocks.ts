import type { ActionsBlock, Button, KnownBlock, SectionBlock } from "@slack/web-api";
import type { Catalog } from "../../src/messages/catalog.ts";
import type { Block, Field, Message } from "../../src/messages/message.ts";
import { fitEscaped, splitEscaped } from "./slack-text.ts";

/** Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  actionsElements: 25,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  fallbackText: 3000,
  /** Text per message kept well below what Slack accepts in one payload. */
  messageChars: 12_000,
} as const;

const BAR_WIDTH = 10;

export interface SlackMessage {
  /** Escaped plain text: the notification and the fallback for clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  maxBlocks?: number;
  /** At most this many messages; what does not fit is replaced by a visible note. */
  maxMessages?: number;
}

/**
 * Renders a neutral message as one or more Slack messages. Nothing is ever refused by Slack
 * for its size: long text is continued in further sections or messages, and what cannot be
 * continued (a title, a button label) is cut with an ellipsis.
 */
export function renderMessage(message: Message, t: Catalog, options: RenderOptions = {}): SlackMessage[] {
  const maxBlocks = options.maxBlocks ?? LIMITS.messageBlocks;
  const maxMessages = options.maxMessages ?? 10;
  const blocks = message.blocks.flatMap((b) => renderBlock(b, t));
  if (blocks.length === 0) blocks.push(section(fitEscaped(message.fallback, LIMITS.sectionText)));

  const chunks: KnownBlock[][] = [[]];
  let chars = 0;
  for (const block of blocks) {
    const current = chunks[chunks.length - 1] ?? [];
    const size = blockChars(block);
    if (current.length > 0 && (current.length >= maxBlocks || chars + size > LIMITS.messageChars)) {
      chunks.push([block]);
      chars = size;
    } else {
      current.push(block);
      chars += size;
    }
  }
  if (chunks.length > maxMessages) {
    const kept = chunks.slice(0, maxMessages);
    const left = chunks.slice(maxMessages).reduce((n, c) => n + c.length, 0);
    const last = kept[kept.length - 1] ?? [];
    const note = context(fitEscaped(t.slack.cutShort({ count: left + (last.length >= maxBlocks ? 1 : 0) }), 3000));
    if (last.length >= maxBlocks) last.pop();
    last.push(note);
    chunks.length = 0;
    chunks.push(...kept);
  }
  return chunks.map((chunk, i) => ({
    text: fitEscaped(i === 0 ? message.fallback : t.slack.continued({ text: message.fallback }), LIMITS.fallbackText),
    blocks: uniqueActionIds(chunk),
  }));
}

/** One neutral block as Slack blocks (several when the text is longer than one allows). */
export function renderBlock(block: Block, t: Catalog): KnownBlock[] {
  switch (block.type) {
    case "header":
      return [{ type: "header", text: { type: "plain_text", text: fitEscaped(block.text, LIMITS.headerText) } }];
    case "section":
      return renderSection(block.text, block.fields ?? []);
    case "context":
      return splitEscaped(block.text, LIMITS.contextText)
        .filter((s) => s !== "")
        .map(context);
    case "divider":
      return [{ type: "divider" }];
    case "actions":
      return chunk(block.buttons, LIMITS.actionsElements).map(
        (buttons): ActionsBlock => ({
          type: "actions",
          elements: buttons.map(
            (b): Button => ({
              type: "button",
              text: { type: "plain_text", text: fitEscaped(b.label, LIMITS.buttonText) },
              action_id: b.id,
              // The action id travels in the value: action_ids get a suffix when repeated.
              value: b.id,
              ...(b.style ? { style: b.style } : {}),
            }),
          ),
        }),
      );
    case "select": {
      const usable = block.options.filter((o) => o.value.length <= LIMITS.optionValue);
      if (usable.length === 0) return [];
      const shown = usable.slice(0, LIMITS.selectOptions);
      const out: KnownBlock[] = [
        {
          type: "actions",
          elements: [
            {
              type: "static_select",
              action_id: block.id,
              placeholder: { type: "plain_text", text: fitEscaped(block.placeholder, LIMITS.placeholder) },
              options: shown.map((o) => ({
                text: { type: "plain_text", text: fitEscaped(o.label, LIMITS.optionText) },
                value: o.value,
              })),
            },
          ],
        },
      ];
      if (usable.length > shown.length) {
        out.push(context(fitEscaped(t.slack.moreChoices({ count: usable.length - shown.length }), 3000)));
      }
      return out;
    }
    case "progress": {
      const total = Math.max(block.total, 1);
      const filled = Math.round((Math.min(Math.max(block.current, 0), total) / total) * BAR_WIDTH);
      const bar = `${"▰".repeat(filled)}${"▱".repeat(BAR_WIDTH - filled)}`;
      return [section(`${bar}  ${fitEscaped(block.label, LIMITS.sectionText - BAR_WIDTH - 2)}`)];
    }
  }
}

function renderSection(text: string | undefined, fields: Field[]): KnownBlock[] {
  const out: SectionBlock[] = text ? splitEscaped(text, LIMITS.sectionText).map(section) : [];
  const short: string[] = [];
  const long: SectionBlock[] = [];
  for (const f of fields) {
    const label = `*${fitEscaped(f.label, 200)}*`;
    const value = splitEscaped(f.value, LIMITS.sectionText - label.length - 1);
    const first = `${label}\n${value[0] ?? ""}`;
    // A value too long for a field becomes sections of its own rather than being cut.
    if (value.length === 1 && first.length <= LIMITS.fieldText) short.push(first);
    else long.push(section(first), ...value.slice(1).map(section));
  }
  const fieldGroups = chunk(short, LIMITS.fieldsPerSection);
  const withFields: SectionBlock[] = fieldGroups.map((group) => ({
    type: "section",
    fields: group.map((f) => ({ type: "mrkdwn", text: f })),
  }));
  // The first group of fields shares the last text section, as the neutral model puts them.
  const lastText = out[out.length - 1];
  const firstFields = withFields[0];
  if (lastText && firstFields?.fields) {
    lastText.fields = firstFields.fields;
    withFields.shift();
  }
  return [...out, ...withFields, ...long].filter((s) => s.text?.text !== "" || (s.fields?.length ?? 0) > 0);
}

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text: text === "" ? " " : text } };
}

function context(text: string): KnownBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text }] };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function blockChars(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** Slack refuses a message whose action_ids repeat; later repeats get a `~n` suffix. */
function uniqueActionIds(blocks: KnownBlock[]): KnownBlock[] {
  const seen = new Map<string, number>();
  for (const block of blocks) {
    if (block.type !== "actions") continue;
    for (const element of block.elements) {
      if (!("action_id" in element) || !element.action_id) continue;
      const n = seen.get(element.action_id) ?? 0;
      seen.set(element.action_id, n + 1);
      if (n > 0) element.action_id = `${element.action_id}~${n}`;
    }
  }
  return blocks;
}

/** The action id a pressed element stands for (buttons carry it in their value). */
export function actionIdFromElement(element: {
  type?: string;
  action_id?: string;
  value?: string;
  selected_option?: { value?: string } | null;
}): string | undefined {
  if (element.type === "button") return element.value ?? element.action_id;
  if (element.type === "static_select") {
    const base = element.action_id?.replace(/~\d+$/, "");
    const value = element.selected_option?.value;
    return base && value ? `${base}:${value}` : undefined;
  }
  return undefined;
}
