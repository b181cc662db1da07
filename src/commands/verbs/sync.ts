import { connectionCounts, syncSoon, workspaceConnections } from "../../../db/queries/connections.ts";
import { requireSources } from "../../connectors/require-sources.ts";
import { sourceLabel } from "../../connectors/source-label.ts";
import { reply } from "../../core/effects.ts";
import { ownerOnly } from "../../core/guards.ts";
import { message, textMessage } from "../../messages/message.ts";
import { choiceArg, optional } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/**
 * `/client sync`: each connection's last sync, what it holds, and its last error (owner only).
 * `/client sync now` runs the catch-up at once instead of waiting for the day's.
 */
export const syncCommand = defineCommand({
  name: "sync",
  group: "invoices",
  args: { now: optional(choiceArg(["now"] as const, (t) => t.sources.argNames.now)) },
  help: (t) => t.sources.help.sync,
  examples: ["sync", "sync now"],
  guards: [ownerOnly((t) => t.sources.ownerActions.sync)],
  async handler(ctx, a) {
    const { t, fmt } = ctx;
    const connections = await workspaceConnections(ctx.db, ctx.workspace.id);
    if (connections.length === 0) return [reply(textMessage(t.sources.sync.none))];
    if (a.now) {
      const sources = requireSources(ctx);
      for (const c of connections) await syncSoon(ctx.db, c.id, ctx.clock.now());
      sources.worker.kick();
      return [
        reply(
          textMessage(t.sources.sync.started({ sources: fmt.list(connections.map((c) => sourceLabel(c.source))) })),
        ),
      ];
    }
    const m = message(t.sources.sync.title).header(t.sources.sync.title);
    for (const c of connections) {
      const counts = await connectionCounts(ctx.db, c.id);
      const last = c.lastSyncCounts;
      const lines = [
        t.sources.sync.connection({
          source: sourceLabel(c.source),
          origin: c.origin === "settings" ? t.sources.sync.fromSettings : t.sources.sync.fromCommand,
        }),
        c.lastSyncAt
          ? t.sources.sync.lastSync({
              at: fmt.dateTime(c.lastSyncAt),
              kind: last.backfill ? t.sources.sync.backfill : t.sources.sync.catchUp,
            })
          : t.sources.sync.never,
        t.sources.sync.counts({ ...counts }),
      ];
      if (c.lastSyncAt) {
        lines.push(
          t.sources.sync.lastCounts({
            seen: last.seen ?? 0,
            recorded: last.recorded ?? 0,
            payments: last.payments ?? 0,
            credits: last.credits ?? 0,
          }),
        );
      }
      if (c.accountName) lines.push(t.sources.sync.account({ name: c.accountName }));
      const oauth = ctx.sources?.runtime.connectors.get(c.source)?.oauth !== undefined;
      if (c.pausedAt) {
        const reasons = t.sources.oauth.pauseReasons;
        const reason =
          c.pauseReason === "tokens-refused" || c.pauseReason === "access-refused"
            ? reasons[c.pauseReason]
            : reasons.other;
        lines.push(t.sources.sync.paused({ since: fmt.dateTime(c.pausedAt), reason, key: c.source }));
      } else {
        if (c.failingSince) {
          lines.push(t.sources.sync.failing({ since: fmt.dateTime(c.failingSince), error: c.lastError ?? "—" }));
        }
        lines.push(t.sources.sync.next({ at: fmt.dateTime(c.nextSyncAt) }));
      }
      // An OAuth source's app has one webhook for every workspace (Xero's is /xero/webhooks).
      if (oauth) lines.push(t.sources.sync.webhook({ path: `/${c.source}/webhooks` }));
      else if (c.origin === "command") lines.push(t.sources.sync.webhook({ path: `/${c.source}/webhooks/${c.id}` }));
      m.text(lines.join("\n"));
    }
    m.context(t.sources.sync.hint);
    return [reply(m.build())];
  },
});
