import { labelValue } from "../../src/messages/label-value.ts";
import type { Locale } from "../../src/messages/locale.ts";
import type { Block, Message } from "../../src/messages/message.ts";

const BAR_WIDTH = 16;

/** A neutral message as console lines. Buttons print as `[press ID] Label`. */
export function renderText(message: Message): string[] {
  const lines: string[] = [];
  for (const block of message.blocks) lines.push(...renderBlock(block, message.locale));
  if (lines.length === 0) lines.push(message.fallback);
  return lines;
}

function renderBlock(block: Block, locale: Locale | undefined): string[] {
  switch (block.type) {
    case "header":
      return [`== ${block.text} ==`];
    case "section": {
      const out = block.text ? block.text.split("\n") : [];
      for (const f of block.fields ?? [])
        out.push(`  ${labelValue(f.label, f.value.split("\n").join("\n    "), locale)}`);
      return out.flatMap((l) => l.split("\n"));
    }
    case "context":
      return [`(${block.text})`];
    case "divider":
      return ["---"];
    case "actions":
      return block.buttons.map((b) => `[press ${b.id}] ${b.label}`);
    case "select":
      return [block.placeholder, ...block.options.map((o) => `[press ${block.id}:${o.value}] ${o.label}`)];
    case "progress": {
      const filled = Math.round((Math.min(block.current, block.total) / Math.max(block.total, 1)) * BAR_WIDTH);
      return [`[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${block.label}`];
    }
  }
}
