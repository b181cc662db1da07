import type { InputBlock, KnownBlock, ModalView } from "@slack/web-api";
import type { Catalog } from "../../src/messages/catalog.ts";
import type { Form } from "../../src/messages/message.ts";
import { fitEscaped } from "./slack-text.ts";

/** The callback_id of every Tact modal; the form's own id travels in private_metadata. */
export const FORM_CALLBACK_ID = "tact-form";

const MODAL_TITLE = 24;
const MODAL_BUTTON = 24;
const INPUT_LABEL = 2000;
/** Slack's plain_text_input holds at most 3,000 characters. */
const INPUT_MAX = 3000;
const METADATA_MAX = 3000;

/** Where a form's answer goes, carried through the modal in private_metadata. */
export interface FormOrigin {
  formId: string;
  channelId?: string | undefined;
  responseUrl?: string | undefined;
  /** The message that held the button which opened the form (to update it). */
  messageTs?: string | undefined;
  ephemeral?: boolean | undefined;
  /** The form was opened from App Home. */
  home?: boolean | undefined;
}

/**
 * A form as a modal. A text longer than one Slack input (a letter of more than 3,000
 * characters) is spread over several numbered inputs and joined again on submission, so
 * nothing of the draft is lost.
 */
export function renderModal(form: Form, origin: FormOrigin, t: Catalog): ModalView {
  const blocks: KnownBlock[] = [];
  for (const field of form.fields) {
    if (field.choices) {
      // A choice: a select, its first option (or the initial one) chosen to start with.
      const options = field.choices.slice(0, 100).map((c) => ({
        text: { type: "plain_text" as const, text: fitEscaped(c.label, 75) },
        value: c.value,
      }));
      const initial = options.find((o) => o.value === field.initial);
      blocks.push({
        type: "input",
        block_id: field.id,
        optional: !field.required,
        label: { type: "plain_text", text: fitEscaped(field.label, INPUT_LABEL) },
        element: {
          type: "static_select",
          action_id: "value",
          options,
          ...(initial ? { initial_option: initial } : {}),
        },
      });
      continue;
    }
    const heading = {
      type: "input" as const,
      block_id: field.id,
      optional: !field.required,
      label: { type: "plain_text" as const, text: fitEscaped(field.label, INPUT_LABEL) },
    };
    if (field.kind === "date") {
      // A date picker; what was typed elsewhere (a day the picker cannot show) is dropped.
      const day = field.initial && /^\d{4}-\d{2}-\d{2}$/.test(field.initial) ? field.initial : undefined;
      blocks.push({
        ...heading,
        element: { type: "datepicker", action_id: "value", ...(day ? { initial_date: day } : {}) },
      });
      continue;
    }
    if (field.kind === "client" && field.listed) {
      // Few clients: a plain select (no options load URL needed), the initial one chosen.
      const options = field.listed.slice(0, 100).map((c) => ({
        text: { type: "plain_text" as const, text: fitEscaped(c.label, 75) },
        value: c.value,
      }));
      const initial = options.find((o) => o.value === field.initial);
      blocks.push({
        ...heading,
        element: {
          type: "static_select",
          action_id: "value",
          options,
          ...(field.placeholder
            ? { placeholder: { type: "plain_text", text: fitEscaped(field.placeholder, 150) } }
            : {}),
          ...(initial ? { initial_option: initial } : {}),
        },
      });
      continue;
    }
    if (field.kind === "client" && field.suggest) {
      // A type-ahead: Slack asks the options load URL (block_suggestion) as the person types.
      const initial = field.initial
        ? { text: { type: "plain_text" as const, text: fitEscaped(field.initial, 75) }, value: field.initial }
        : undefined;
      blocks.push({
        ...heading,
        block_id: suggestBlockId(field.id, field.suggest),
        element: {
          type: "external_select",
          action_id: "value",
          min_query_length: 0,
          ...(field.placeholder
            ? { placeholder: { type: "plain_text", text: fitEscaped(field.placeholder, 150) } }
            : {}),
          ...(initial ? { initial_option: initial } : {}),
        },
      });
      continue;
    }
    const max = Math.min(field.maxLength ?? INPUT_MAX, INPUT_MAX);
    const initial = field.initial ?? "";
    // Split on the raw text: Slack shows the input's value as typed, unescaped.
    const parts = initial.length > max ? splitRaw(initial, max) : [initial];
    parts.forEach((part, i) => {
      const label =
        parts.length > 1 ? t.slack.formPart({ label: field.label, part: i + 1, parts: parts.length }) : field.label;
      const input: InputBlock = {
        type: "input",
        block_id: parts.length > 1 ? `${field.id}#${i}` : field.id,
        optional: !field.required || i > 0,
        label: { type: "plain_text", text: fitEscaped(label, INPUT_LABEL) },
        element: {
          type: "plain_text_input",
          action_id: "value",
          multiline: field.multiline,
          max_length: max,
          ...(part ? { initial_value: part } : {}),
          ...(field.placeholder && i === 0
            ? { placeholder: { type: "plain_text" as const, text: fitEscaped(field.placeholder, 150) } }
            : {}),
        },
      };
      blocks.push(input);
    });
  }
  return {
    type: "modal",
    callback_id: FORM_CALLBACK_ID,
    title: { type: "plain_text", text: fitEscaped(form.title, MODAL_TITLE) },
    submit: { type: "plain_text", text: fitEscaped(form.submitLabel, MODAL_BUTTON) },
    close: { type: "plain_text", text: fitEscaped(t.slack.cancel, MODAL_BUTTON) },
    private_metadata: encodeOrigin(origin),
    blocks: blocks.slice(0, 100),
  };
}

/**
 * A type-ahead's block id names what it completes: `client~invoice` offers the completions of
 * `/client invoice`'s `client`. Slack's block_suggestion payload carries the block id.
 */
export function suggestBlockId(fieldId: string, verb: string): string {
  return `${fieldId}~${verb}`;
}

/** The field and command of a type-ahead's block id. */
export function readSuggestBlockId(blockId: string): { field: string; verb: string } | undefined {
  const m = /^([^~#]+)~([^~#]+)$/.exec(blockId);
  return m ? { field: m[1] ?? "", verb: m[2] ?? "" } : undefined;
}

/** The field id a block stands for: `letter#1` is part of `letter`, `client~invoice` is `client`. */
export function fieldOfBlock(blockId: string): string {
  return /^(.*)#(\d+)$/.exec(blockId)?.[1] ?? readSuggestBlockId(blockId)?.field ?? blockId;
}

type SubmittedElement = {
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_date?: string | null;
};

/** The submitted values by field id, parts joined back together. */
export function formValues(values: Record<string, Record<string, SubmittedElement>>): Record<string, string> {
  const parts = new Map<string, { index: number; value: string }[]>();
  for (const [blockId, actions] of Object.entries(values)) {
    const m = /^(.*)#(\d+)$/.exec(blockId);
    const id = fieldOfBlock(blockId);
    const index = m ? Number(m[2]) : 0;
    const value = actions.value?.value ?? actions.value?.selected_option?.value ?? actions.value?.selected_date ?? "";
    const list = parts.get(id) ?? [];
    list.push({ index, value });
    parts.set(id, list);
  }
  const out: Record<string, string> = {};
  for (const [id, list] of parts) {
    out[id] = list
      .sort((a, b) => a.index - b.index)
      .map((p) => p.value)
      .filter((v, i) => i === 0 || v !== "")
      .join("\n");
  }
  return out;
}

export function encodeOrigin(origin: FormOrigin): string {
  const full = JSON.stringify({
    f: origin.formId,
    c: origin.channelId,
    r: origin.responseUrl,
    m: origin.messageTs,
    e: origin.ephemeral,
    h: origin.home,
  });
  // The form id is what matters; the way back can be dropped if Slack's limit is reached.
  return full.length <= METADATA_MAX ? full : JSON.stringify({ f: origin.formId, c: origin.channelId, h: origin.home });
}

export function decodeOrigin(metadata: string | undefined): FormOrigin | undefined {
  if (!metadata) return undefined;
  try {
    const o = JSON.parse(metadata) as Record<string, unknown>;
    if (typeof o.f !== "string") return undefined;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      formId: o.f,
      channelId: str(o.c),
      responseUrl: str(o.r),
      messageTs: str(o.m),
      ephemeral: o.e === true,
      home: o.h === true,
    };
  } catch {
    return undefined;
  }
}

/**
 * Raw text in pieces of at most `max` characters, cut at a line break (dropped, and put back
 * by the "\n" join on submission), else at a space, else anywhere.
 */
function splitRaw(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut <= 0) cut = rest.lastIndexOf(" ", max);
    if (cut <= 0) {
      out.push(rest.slice(0, max));
      rest = rest.slice(max);
      continue;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  out.push(rest);
  return out;
}
