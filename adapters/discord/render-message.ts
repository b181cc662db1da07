import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Catalog } from "../../src/messages/catalog.ts";
import { labelValue } from "../../src/messages/label-value.ts";
import type { Locale } from "../../src/messages/locale.ts";
import type { Block, Button, Message } from "../../src/messages/message.ts";
import { CUSTOM_ID_MAX, scopedId } from "./custom-id.ts";
import { LIMITS } from "./discord-limits.ts";
import { escapeMarkdown, neutraliseMentions, truncate } from "./escape-markdown.ts";

/** A message as Discord takes it (create, edit, interaction response, follow-up). */
export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Nothing the bot sends may ping: not @everyone, not roles, not users typed in notes. */
  allowed_mentions: { parse: [] };
}

export interface RenderOptions {
  t: Catalog;
  /** Set for messages in a DM: the server the buttons act for (see custom-id.ts). */
  guildId?: string | undefined;
}

const EMBED_COLOR = 0x4f6d7a;
const BAR_WIDTH = 12;

/**
 * The neutral message as Discord content, embeds and components. A message with no header
 * and no fields reads best as plain content (a confirmation, an error); anything richer
 * becomes embeds, a new one at each divider so sections stay apart. Every limit is enforced
 * by cutting visibly, never by failing.
 */
export function renderMessage(message: Message, options: RenderOptions): DiscordMessage {
  const { rows, hidden } = renderComponents(message.blocks, options.guildId);
  const notes = hidden > 0 ? [options.t.discord.moreButtons({ count: hidden })] : [];
  const rich = message.blocks.some((b) => b.type === "header" || (b.type === "section" && b.fields?.length));
  const base = { components: rows, allowed_mentions: { parse: [] as [] } };
  if (!rich) {
    const lines = message.blocks.flatMap((b) => contentLines(b, message.locale));
    if (lines.length === 0) lines.push(escapeMarkdown(message.fallback));
    lines.push(...notes.map((n) => `-# ${escapeMarkdown(n)}`));
    return { ...base, content: fitContent(lines.join("\n"), options.t), embeds: [] };
  }
  return { ...base, content: "", embeds: renderEmbeds(message.blocks, notes, options.t) };
}

function contentLines(block: Block, locale: Locale | undefined): string[] {
  switch (block.type) {
    case "header":
      return [`**${escapeMarkdown(block.text)}**`];
    case "section":
      return [
        ...(block.text ? [escapeMarkdown(block.text)] : []),
        ...(block.fields ?? []).map((f) =>
          labelValue(`**${escapeMarkdown(f.label)}**`, escapeMarkdown(f.value), locale),
        ),
      ];
    case "context":
      return block.text.split("\n").map((l) => `-# ${escapeMarkdown(l)}`);
    case "divider":
      return [""];
    case "progress":
      return [progressLine(block.current, block.total, block.label)];
    case "actions":
    case "select":
      return [];
  }
}

function fitContent(content: string, t: Catalog): string {
  if (content.length <= LIMITS.content) return content;
  const note = `\n-# ${escapeMarkdown(t.discord.shortened)}`;
  return truncate(content, LIMITS.content - note.length) + note;
}

function progressLine(current: number, total: number, label: string): string {
  const filled = Math.round((Math.min(Math.max(current, 0), total) / Math.max(total, 1)) * BAR_WIDTH);
  return `\`${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}\` ${escapeMarkdown(label)}`;
}

interface EmbedDraft {
  title?: string;
  lines: string[];
  fields: APIEmbedField[];
  footer?: string;
}

function renderEmbeds(blocks: Block[], notes: string[], t: Catalog): APIEmbed[] {
  const drafts: EmbedDraft[] = [{ lines: [], fields: [] }];
  const current = (): EmbedDraft => drafts[drafts.length - 1] as EmbedDraft;
  const isEmpty = (d: EmbedDraft) => !d.title && d.lines.length === 0 && d.fields.length === 0;
  const next = () => {
    if (!isEmpty(current())) drafts.push({ lines: [], fields: [] });
  };
  blocks.forEach((block, i) => {
    switch (block.type) {
      case "header":
        if (!isEmpty(current())) next();
        current().title = neutraliseMentions(block.text);
        break;
      case "section":
        if (block.text) {
          if (current().fields.length > 0) next();
          current().lines.push(escapeMarkdown(block.text));
        }
        for (const f of block.fields ?? []) {
          if (current().fields.length >= LIMITS.embedFields) next();
          current().fields.push({
            name: truncate(escapeMarkdown(f.label), LIMITS.fieldName),
            value: truncate(escapeMarkdown(f.value || "\u200b"), LIMITS.fieldValue),
            inline: f.value.length <= 40 && !f.value.includes("\n"),
          });
        }
        break;
      case "context":
        // The last line of a message reads well as the footer; elsewhere it stays in place.
        if (i === blocks.length - 1 || blocks.slice(i + 1).every((b) => b.type === "actions" || b.type === "select")) {
          current().footer = neutraliseMentions(block.text);
        } else {
          if (current().fields.length > 0) next();
          current().lines.push(`-# ${escapeMarkdown(block.text)}`);
        }
        break;
      case "divider":
        next();
        break;
      case "progress":
        if (current().fields.length > 0) next();
        current().lines.push(progressLine(block.current, block.total, block.label));
        break;
      case "actions":
      case "select":
        break;
    }
  });
  const last = current();
  last.lines.push(...notes.map((n) => `-# ${escapeMarkdown(n)}`));
  return fitEmbeds(
    drafts.filter((d) => !isEmpty(d) || d.footer),
    t,
  );
}

/** Applies the per-embed limits, then the 10-embed and 6,000-character totals. */
function fitEmbeds(drafts: EmbedDraft[], t: Catalog): APIEmbed[] {
  const shortened = `-# ${escapeMarkdown(t.discord.shortened)}`;
  let overflow = false;
  if (drafts.length > LIMITS.embeds) {
    const kept = drafts.slice(0, LIMITS.embeds);
    const tail = kept[kept.length - 1] as EmbedDraft;
    for (const extra of drafts.slice(LIMITS.embeds)) {
      if (extra.title) tail.lines.push(`**${escapeMarkdown(extra.title)}**`);
      tail.lines.push(...extra.lines, ...extra.fields.map((f) => labelValue(`**${f.name}**`, f.value, t.locale)));
    }
    drafts = kept;
  }
  const embeds: APIEmbed[] = drafts.map((d) => {
    let description = d.lines.join("\n\n");
    if (description.length > LIMITS.embedDescription) {
      description = `${truncate(description, LIMITS.embedDescription - shortened.length - 1)}\n${shortened}`;
    }
    return {
      color: EMBED_COLOR,
      ...(d.title ? { title: truncate(d.title, LIMITS.embedTitle) } : {}),
      ...(description ? { description } : {}),
      ...(d.fields.length > 0 ? { fields: d.fields } : {}),
      ...(d.footer ? { footer: { text: truncate(d.footer, LIMITS.footer) } } : {}),
    };
  });
  // Over the total: drop text from the end, then say so in the last embed kept.
  while (embedsLength(embeds) > LIMITS.embedsTotal - shortened.length) {
    overflow = true;
    const last = embeds[embeds.length - 1] as APIEmbed;
    const excess = embedsLength(embeds) - (LIMITS.embedsTotal - shortened.length);
    if (last.fields && last.fields.length > 0) {
      last.fields.pop();
      if (last.fields.length === 0) delete last.fields;
    } else if (last.description && last.description.length > excess + 1) {
      last.description = truncate(last.description, last.description.length - excess);
    } else if (embeds.length > 1) {
      embeds.pop();
    } else {
      delete last.description;
      if (last.footer) delete last.footer;
      break;
    }
  }
  if (overflow) {
    const last = embeds[embeds.length - 1] as APIEmbed;
    last.description = last.description ? `${last.description}\n${shortened}` : shortened;
  }
  return embeds;
}

function embedsLength(embeds: APIEmbed[]): number {
  let n = 0;
  for (const e of embeds) {
    n += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
    for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  }
  return n;
}

const buttonStyle: Record<
  NonNullable<Button["style"]> | "default",
  ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary
> = {
  primary: ButtonStyle.Primary,
  danger: ButtonStyle.Danger,
  default: ButtonStyle.Secondary,
};

/**
 * Buttons five to a row and selects one to a row, at most five rows. Buttons past the limit,
 * with an over-long or duplicate id, are left out and counted so the message can say so.
 */
function renderComponents(
  blocks: Block[],
  guildId: string | undefined,
): { rows: APIActionRowComponent<APIComponentInMessageActionRow>[]; hidden: number } {
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const seen = new Set<string>();
  let hidden = 0;
  const usable = (id: string) => id.length <= CUSTOM_ID_MAX && !seen.has(id);
  for (const block of blocks) {
    if (block.type === "actions") {
      let row: APIButtonComponentWithCustomId[] = [];
      const flush = () => {
        if (row.length === 0) return;
        if (rows.length < LIMITS.actionRows) rows.push({ type: ComponentType.ActionRow, components: row });
        else hidden += row.length;
        row = [];
      };
      for (const button of block.buttons) {
        const id = scopedId(button.id, guildId);
        if (!usable(id)) {
          hidden++;
          continue;
        }
        seen.add(id);
        row.push({
          type: ComponentType.Button,
          custom_id: id,
          label: truncate(neutraliseMentions(button.label), LIMITS.buttonLabel),
          style: buttonStyle[button.style ?? "default"],
        });
        if (row.length === LIMITS.buttonsPerRow) flush();
      }
      flush();
    } else if (block.type === "select") {
      const id = scopedId(block.id, guildId);
      if (!usable(id) || rows.length >= LIMITS.actionRows || block.options.length === 0) {
        hidden++;
        continue;
      }
      seen.add(id);
      rows.push({
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: id,
            placeholder: truncate(neutraliseMentions(block.placeholder), LIMITS.selectPlaceholder),
            // A cut value would select something else: such an option is left out.
            options: block.options
              .filter((o) => o.value.length <= LIMITS.selectOptionText)
              .slice(0, LIMITS.selectOptions)
              .map((o) => ({
                label: truncate(neutraliseMentions(o.label), LIMITS.selectOptionText),
                value: o.value,
              })),
          },
        ],
      });
    }
  }
  return { rows, hidden };
}
