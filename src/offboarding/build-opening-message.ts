import { incidentKinds } from "../../db/schema/incidents.ts";
import type { Context } from "../core/context.ts";
import { adviseFor } from "../domain/advice.ts";
import { describeReason } from "../invoices/invoice-card-section.ts";
import { type Message, message } from "../messages/message.ts";
import { renderAdvice } from "../messages/render-advice.ts";
import { owedLines } from "./build-step-message.ts";
import type { WizardFacts } from "./wizard-facts.ts";
import type { Wizard } from "./wizard-record.ts";

/**
 * The wizard's first message: the client's record (incidents by kind, what is unpaid, what
 * the playbook says and why), so the decision rests on facts, then what happens meanwhile.
 */
export function buildOpeningMessage(ctx: Context, wizard: Wizard, facts: WizardFacts): Message {
  const o = ctx.t.offboarding.opening;
  const title = o.title({ client: facts.client.displayName });
  const m = message(title)
    .header(title)
    .context(o.privateNote({ date: ctx.fmt.date(wizard.row.startedAt) }))
    .text(o.intro);
  const byKind = new Map(facts.stats.map((s) => [s.kind, s]));
  if (byKind.size === 0) m.text(o.noIncidents);
  else
    m.fields(
      incidentKinds.flatMap((k) => {
        const s = byKind.get(k);
        return s
          ? [
              {
                label: ctx.t.incidents.kinds[k],
                value: o.incidentValue({ recent: s.recent, total: s.total, last: ctx.fmt.date(s.last) }),
              },
            ]
          : [];
      }),
      o.incidents,
    );
  m.text([o.unpaidTitle, ...(facts.accounts.unpaid.length === 0 ? [o.noUnpaid] : owedLines(ctx, facts))].join("\n"));
  const risk = facts.risk
    ? [
        ctx.t.risk.line({ level: ctx.t.risk.levels[facts.risk.level] }),
        ...facts.risk.reasons.map((r) => `• ${describeReason(ctx, r)}`),
      ]
    : [];
  m.text([...risk, o.risk, ...adviseFor(facts.stats).map((a) => `• ${renderAdvice(a, ctx.t, ctx.fmt)}`)].join("\n"));
  m.context(o.hidden({ slug: facts.client.slug }));
  return m.build();
}
