import { incidentKinds } from "../../domain/incident-kinds.ts";
import { logQuote } from "../../evidence/log-quote.ts";
import { EVIDENCE_MAX } from "../../evidence/start-evidence.ts";
import { choiceArg, clientArg, dateArg, keywordArg, optional, plainText, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/** `/client quote acme conduct "the message" [from Dana] [at 2026-11-20]`: log with a quote as evidence. */
export const quoteCommand = defineCommand({
  name: "quote",
  group: "incidents",
  clientFromChannel: true,
  args: {
    client: clientArg(),
    kind: choiceArg(incidentKinds, (t) => t.evidence.argNames.kind),
    text: {
      kind: "text",
      label: (t) => t.evidence.argNames.text,
      schema: plainText(EVIDENCE_MAX, true),
      optional: false,
      max: EVIDENCE_MAX,
    },
    from: keywordArg(
      "from",
      wordArg((t) => t.evidence.argNames.from),
    ),
    at: optional(dateArg((t) => t.evidence.argNames.at, "at")),
  },
  help: (t) => t.evidence.help,
  examples: [
    'quote acme conduct "you people are useless" from Dana at 2026-11-20',
    'quote acme scope "just one more page"',
  ],
  handler: (ctx, a) => logQuote(ctx, a),
});
