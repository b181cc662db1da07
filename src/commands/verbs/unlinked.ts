import { workspaceConnections } from "../../../db/queries/connections.ts";
import { sourceCustomers, waitingInvoices } from "../../../db/queries/source-objects.ts";
import type { SourceInvoice } from "../../connectors/connector.ts";
import { sourceLabel } from "../../connectors/source-label.ts";
import { reply } from "../../core/effects.ts";
import { groupBy } from "../../group-by.ts";
import { message } from "../../messages/message.ts";
import { defineCommand } from "../define-command.ts";

/** Customers shown in full; the rest are counted (platform block limits). */
const MAX_CUSTOMERS = 20;
const MAX_INVOICES_EACH = 5;

/**
 * `/client unlinked`: the source's customers Tact could not match to a client, with their
 * invoices waiting, and invoices waiting for another reason (a number already taken).
 */
export const unlinkedCommand = defineCommand({
  name: "unlinked",
  group: "invoices",
  args: {},
  help: (t) => t.sources.help.unlinked,
  examples: ["unlinked"],
  async handler(ctx) {
    const { t, fmt } = ctx;
    const waiting = await waitingInvoices(ctx.db, ctx.workspace.id);
    if (waiting.length === 0) {
      const connected = await workspaceConnections(ctx.db, ctx.workspace.id);
      return [
        reply(
          message(t.sources.unlinked.none)
            .text(connected.length > 0 ? t.sources.unlinked.none : t.sources.unlinked.noSource)
            .build(),
        ),
      ];
    }
    const connections = new Map((await workspaceConnections(ctx.db, ctx.workspace.id)).map((c) => [c.id, c]));
    const m = message(t.sources.unlinked.fallback({ count: waiting.length })).header(t.sources.unlinked.title);
    let shown = 0;
    for (const [connectionId, rows] of groupBy(waiting, (r) => r.connectionId)) {
      const source = connections.get(connectionId)?.source ?? "stripe";
      const customers = new Map(
        (await sourceCustomers(ctx.db, connectionId, [...new Set(rows.map((r) => r.parentId ?? ""))])).map((c) => [
          c.externalId,
          c,
        ]),
      );
      for (const [customerId, invoices] of groupBy(rows, (r) => r.parentId ?? "")) {
        if (shown >= MAX_CUSTOMERS) break;
        shown += 1;
        const customer = customers.get(customerId);
        const name = (customer?.data as { name?: string | null } | undefined)?.name ?? null;
        const lines = invoices.slice(0, MAX_INVOICES_EACH).map((row) => {
          const inv = row.data as unknown as SourceInvoice;
          const line = t.sources.unlinked.invoice({
            number: inv.number ?? row.externalId,
            amount: fmt.money(Math.max(0, inv.totalMinor - inv.paidMinor), inv.currency),
            due: fmt.date(inv.dueOn),
            status: t.sources.statuses[inv.status],
          });
          return row.problem === "number-taken" ? `${line} ${t.sources.unlinked.numberTaken}` : line;
        });
        if (invoices.length > MAX_INVOICES_EACH) {
          lines.push(t.sources.unlinked.moreInvoices({ count: invoices.length - MAX_INVOICES_EACH }));
        }
        const head =
          customer?.clientId != null
            ? t.sources.unlinked.linkedCustomer({
                source: sourceLabel(source),
                customer: customerId,
                name: name ?? "—",
              })
            : t.sources.unlinked.customer({ source: sourceLabel(source), customer: customerId, name: name ?? "—" });
        const hint = customer?.clientId != null ? "" : `\n${t.sources.unlinked.hint({ source, customer: customerId })}`;
        m.text(`${head}\n${lines.map((l) => `• ${l}`).join("\n")}${hint}`);
      }
    }
    const customersTotal = new Set(waiting.map((r) => `${r.connectionId}:${r.parentId}`)).size;
    if (customersTotal > shown) m.context(t.sources.unlinked.moreCustomers({ count: customersTotal - shown }));
    return [reply(m.build())];
  },
});
