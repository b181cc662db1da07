import type { Context } from "../core/context.ts";
import { adviseFor } from "../domain/advice.ts";
import { type Message, message } from "../messages/message.ts";
import { renderAdvice } from "../messages/render-advice.ts";
import { riskDetails, riskHeadline } from "../messages/render-risk.ts";
import { owedLines } from "./build-step-message.ts";
import type { WizardFacts } from "./wizard-facts.ts";
import type { Wizard } from "./wizard-record.ts";

/**
 * The wizard's first message: the client's record (the card's counts, what is unpaid, the
 * risk level and the playbook's advice with their reasons), so the decision rests on facts,
 * then what happens meanwhile.
 */
export function buildOpeningMessage(ctx: Context, wizard: Wizard, facts: WizardFacts): Message {
  const { t, fmt } = ctx;
  const o = t.offboarding.opening;
  const title = o.title({ client: facts.client.displayName });
  const m = message(title)
    .header(title)
    .context(o.privateNote({ date: fmt.date(wizard.row.startedAt) }))
    .text(o.intro);
  if (facts.counts.length === 0) m.text(o.noIncidents);
  else
    m.inLocale(t.locale).fields(
      facts.counts.map((c) => ({
        label: t.incidents.kinds[c.kind],
        value: o.incidentValue({ recent: c.recent, total: c.total, last: fmt.date(c.last) }),
      })),
      o.incidents,
    );
  m.text([o.unpaidTitle, ...(facts.accounts.unpaid.length === 0 ? [o.noUnpaid] : owedLines(ctx, facts))].join("\n"));
  m.text(
    [
      t.clients.card.risk({ headline: riskHeadline(facts.risk, t, fmt) }),
      ...riskDetails(facts.risk, t, fmt).map((r) => `• ${r}`),
      o.risk,
      ...adviseFor(facts.advice).map((a) => `• ${renderAdvice(a, t, fmt, facts.client.slug)}`),
    ].join("\n"),
  );
  m.context(o.privacy({ slug: facts.client.slug }));
  return m.build();
}
