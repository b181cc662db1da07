import { requireClient } from "../../clients/require-client.ts";
import { laws } from "../../domain/charges/index.ts";
import { setClientTerms } from "../../invoices/client-terms.ts";
import { locales } from "../../messages/locale.ts";
import { amountArg, choiceArg, clientArg, keywordArg, wordArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/** The terms as keywords (`law fr rate 12%/y …`): a client's here, the workspace's in `/client config terms`. */
export const termArgs = {
  law: keywordArg(
    "law",
    choiceArg(laws, (t) => t.invoices.argNames.law),
  ),
  rate: keywordArg(
    "rate",
    wordArg((t) => t.invoices.argNames.rate),
  ),
  fee: keywordArg(
    "fee",
    amountArg((t) => t.invoices.argNames.fee, { withCurrency: true }),
  ),
  hosted: keywordArg(
    "hosted",
    choiceArg(["yes", "no"], (t) => t.invoices.argNames.hosted),
  ),
  lang: keywordArg(
    "lang",
    choiceArg(locales, (t) => t.invoices.argNames.lang),
  ),
  stages: keywordArg(
    "stages",
    wordArg((t) => t.invoices.argNames.stages),
  ),
  term: keywordArg(
    "term",
    wordArg((t) => t.invoices.argNames.term),
  ),
};

export const termsCommand = defineCommand({
  name: "terms",
  group: "invoices",
  args: { client: clientArg(), ...termArgs },
  help: (t) => t.invoices.help.terms,
  examples: [
    "terms acme",
    "terms acme law fr",
    "terms acme law contract rate 1.5%/m fee 40 EUR",
    "terms acme hosted yes lang fr stages 1,15,30,45",
  ],
  async handler(ctx, a) {
    const client = await requireClient(ctx, a.client);
    return setClientTerms(ctx, client, a);
  },
});
