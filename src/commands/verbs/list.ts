import { clientSummaries } from "../../../db/queries/incidents.ts";
import { reply } from "../../core/effects.ts";
import { DAY_MS, RECENT_DAYS } from "../../incidents/log-incident.ts";
import { message, textMessage } from "../../messages/message.ts";
import { defineCommand } from "../define-command.ts";

export const listCommand = defineCommand({
  name: "list",
  group: "clients",
  args: {},
  help: (t) => t.help.verbs.list,
  examples: ["list"],
  async handler(ctx) {
    const { t, fmt } = ctx;
    const since = new Date(ctx.clock.now().getTime() - RECENT_DAYS * DAY_MS);
    // Someone else's view must not reveal that a client is being let go.
    const rows = (await clientSummaries(ctx.db, ctx.workspace.id, since)).filter(
      (c) => ctx.user.isOwner || c.status !== "offboarding",
    );
    if (rows.length === 0) return [reply(textMessage(t.clients.none))];
    const lines = rows.map((c) => {
      const summary =
        c.lastAt && c.lastKind
          ? t.clients.listTrouble({ date: fmt.date(c.lastAt), kind: t.incidents.kinds[c.lastKind], count90: c.recent })
          : t.clients.listQuiet;
      const name = c.status === "offboarded" ? `${c.displayName} — ${t.clients.former}` : c.displayName;
      return `• ${t.clients.listLine({ name, slug: c.slug, summary })}`;
    });
    const title = t.clients.listTitle({ count: rows.length });
    return [reply(message(title).header(title).text(lines.join("\n")).build())];
  },
});
