import { channelClient } from "../../db/queries/client-channels.ts";
import { insertEvidence } from "../../db/queries/evidence.ts";
import { clientField } from "../clients/listed-clients.ts";
import type { Context } from "../core/context.ts";
import type { Effect } from "../core/effects.ts";
import type { CapturedMessage } from "../core/invocation.ts";
import { incidentKinds } from "../domain/incident-kinds.ts";
import type { FormField } from "../messages/message.ts";
import { evidenceAuthor } from "./evidence-author.ts";
import { shortQuote } from "./show-quote.ts";

/** What the form shows of the message (Slack's text input holds 3,000 characters). */
export const FORM_QUOTE_MAX = 2500;
/** Longest message kept whole: Slack's 40,000 characters (Discord's are shorter). */
export const EVIDENCE_MAX = 40_000;
export const EVIDENCE_FORM = "evidence";

/**
 * "Log to Tact" on a message: the message is kept as it was given (the form cannot change it),
 * then a form asks for the client (the channel's linked client already chosen), the kind and
 * an optional note. Submitting it (`evidence:<id>`) logs the incident with the message.
 */
export async function startEvidence(ctx: Context, message: CapturedMessage): Promise<Effect[]> {
  const { t } = ctx;
  const row = await insertEvidence(ctx.db, {
    workspaceId: ctx.workspace.id,
    capturedBy: ctx.user.id,
    platform: ctx.invocation.platform,
    channelId: message.channelId,
    messageId: message.messageId,
    text: Array.from(message.text).slice(0, EVIDENCE_MAX).join(""),
    authorId: message.authorId ?? null,
    authorName: message.authorName ?? null,
    postedAt: message.postedAt,
    link: message.link ?? null,
    files: message.files,
    capturedAt: ctx.clock.now(),
  });
  const linked = ctx.invocation.isDm ? undefined : await channelClient(ctx.db, ctx.workspace.id, message.channelId);
  const f = t.evidence.form;
  const about = f.about({
    author: evidenceAuthor(t, row),
    date: ctx.fmt.dateTime(row.postedAt),
    link: row.link ?? "",
  });
  const quote = row.text === "" ? t.evidence.onlyFiles({ files: row.files }) : shortQuote(row.text, FORM_QUOTE_MAX);
  const client = await clientField(ctx, f.client, "late");
  const fields: FormField[] = [
    { id: "quote", label: f.quote, multiline: true, required: false, initial: `${quote}\n— ${about}`, maxLength: 3000 },
    { ...client, ...(linked ? { initial: linked.slug } : {}) },
    {
      id: "kind",
      label: f.kind,
      multiline: false,
      required: true,
      maxLength: 20,
      choices: incidentKinds.map((k) => ({ value: k, label: t.incidents.kinds[k] })),
    },
    { id: "note", label: f.note, multiline: true, required: false, maxLength: 2000 },
  ];
  return [{ type: "form", form: { id: `${EVIDENCE_FORM}:${row.id}`, title: f.title, submitLabel: f.submit, fields } }];
}
