import { ownerOnly } from "../../core/guards.ts";
import { userError } from "../../errors.ts";
import { setWorkspaceTerms, workspaceTermsSummary } from "../../invoices/client-terms.ts";
import type { TermWords } from "../../invoices/parse-terms.ts";
import { amountSpan } from "../amount-span.ts";
import { tokenize } from "../tokenize.ts";
import type { ConfigSetting } from "./config-settings.ts";

/** The keywords of the workspace defaults (the letter language is the workspace's own). */
const keywords = ["law", "rate", "fee", "hosted", "stages", "term"] as const;

/** `/client config terms law fr rate 12%/y …`: the workspace's default terms (owner only). */
export const termsSetting: ConfigSetting = {
  name: "terms",
  usage: "law fr|eu|uk|contract|none [rate 12%/y] [fee 40 EUR] [hosted yes|no] [stages 1,15,30,45] [term 30]",
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.terms,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.terms,
      value: workspaceTermsSummary(ctx),
      command: "/client config terms law fr|eu|uk|contract|none …",
    },
  ],
  apply(ctx, value) {
    const tokens = tokenize(value);
    const words: TermWords = {};
    for (let i = 0; i < tokens.length; ) {
      const key = tokens[i]?.value.toLowerCase() ?? "";
      const token = tokens[i]?.value ?? "";
      if (!(keywords as readonly string[]).includes(key)) {
        throw userError("unknown-term", (t) =>
          t.invoices.terms.errors.unknownKeyword({ value: token, keywords: keywords.join(", ") }),
        );
      }
      const k = key as (typeof keywords)[number];
      if (words[k] !== undefined)
        throw userError("duplicate-term", (t) => t.invoices.terms.errors.duplicate({ what: k }));
      const next = tokens[i + 1];
      if (!next) {
        throw userError("missing-arg", (t) =>
          t.errors.missingArg({
            arg: t.invoices.argNames[k === "term" ? "term" : k],
            usage: `/client config terms ${termsSetting.usage}`,
          }),
        );
      }
      // A fee may be typed `50 EUR` or `1 000 JPY`: several words.
      const span = k === "fee" ? amountSpan(value, tokens, i + 1, true) : { value: next.value, next: i + 2 };
      words[k] = span.value;
      i = span.next;
    }
    return setWorkspaceTerms(ctx, words);
  },
};
