import { clientNames } from "../../../db/queries/clients.ts";
import { clientRecords } from "../../clients/client-records.ts";
import { reply } from "../../core/effects.ts";
import { recentTotals } from "../../domain/record-counts.ts";
import { quietRisk } from "../../domain/risk.ts";
import { message, textMessage } from "../../messages/message.ts";
import { riskHeadline } from "../../messages/render-risk.ts";
import { defineCommand } from "../define-command.ts";

export const listCommand = defineCommand({
  name: "list",
  group: "clients",
  args: {},
  help: (t) => t.help.verbs.list,
  examples: ["list"],
  async handler(ctx) {
    const { t, fmt } = ctx;
    const [names, records] = await Promise.all([
      clientNames(ctx.db, ctx.workspace.id),
      clientRecords(ctx.db, { workspace: ctx.workspace, now: ctx.clock.now() }),
    ]);
    // A client being let go is listed as any other (DESIGN.md §7): only the wizard is private.
    const shown = names;
    if (shown.length === 0) return [reply(textMessage(t.clients.none))];
    // The record's own counts and risk: the list says what the card says (issue #14).
    const rows = shown.map((c) => {
      const record = records.get(c.id);
      const counts = record?.facts.counts ?? [];
      const latest = counts.toSorted((a, b) => b.last.localeCompare(a.last))[0];
      return { client: c, record, latest, count90: recentTotals(counts).count };
    });
    rows.sort(
      (a, b) =>
        (b.latest?.last ?? "").localeCompare(a.latest?.last ?? "") ||
        a.client.displayName.toLowerCase().localeCompare(b.client.displayName.toLowerCase()),
    );
    const lines = rows.map(({ client: c, record, latest, count90 }) => {
      const summary = t.clients.listSummary({
        risk: riskHeadline(record?.risk ?? quietRisk, t, fmt),
        count90,
        latest: latest ? { kind: t.incidents.kinds[latest.kind], date: fmt.date(latest.last) } : null,
      });
      const name = c.status === "offboarded" ? `${c.displayName} — ${t.clients.former}` : c.displayName;
      return `• ${t.clients.listLine({ name, slug: c.slug, summary })}`;
    });
    const title = t.clients.listTitle({ count: rows.length });
    return [reply(message(title).header(title).text(lines.join("\n")).build())];
  },
});
