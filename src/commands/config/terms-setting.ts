import { ownerOnly } from "../../core/guards.ts";
import { setWorkspaceTerms, workspaceTermsSummary } from "../../invoices/client-terms.ts";
import { termArgs } from "../verbs/terms.ts";
import { defineSetting } from "./config-settings.ts";

const { law, rate, fee, hosted, stages, term } = termArgs;

/** `/client config terms law fr rate 12%/y …`: the workspace's default terms (owner only). */
export const termsSetting = defineSetting({
  name: "terms",
  usage: "law fr|eu|uk|contract|none [rate 12%/y] [fee 40 EUR] [hosted yes|no] [stages 1,15,30,45] [term 30]",
  // The keywords of `/client terms`, but the letter language: the workspace's own.
  args: { law, rate, fee, hosted, stages, term },
  guards: [ownerOnly((t) => t.config.action.config)],
  describe: (t) => t.config.describe.terms,
  show: (ctx) => [
    {
      label: ctx.t.config.labels.terms,
      value: workspaceTermsSummary(ctx),
      command: "/client config terms law fr|eu|uk|contract|none …",
    },
  ],
  handler: (ctx, a) => setWorkspaceTerms(ctx, a),
});
