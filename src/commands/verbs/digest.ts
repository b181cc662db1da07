import { previousRounds } from "../../../db/queries/digest-rounds.ts";
import { reply } from "../../core/effects.ts";
import { buildDigest } from "../../digest/build-digest.ts";
import { loadDigestData } from "../../digest/load-digest-data.ts";
import { isValidTimeZone, localDate } from "../../domain/dates.ts";
import { defineCommand } from "../define-command.ts";

/**
 * `/client digest`: what today's digest says right now, privately. Nothing is claimed or
 * recorded, so the scheduled digest still goes out (and counts new incidents) as usual.
 */
export const digestCommand = defineCommand({
  name: "digest",
  group: "schedule",
  args: {},
  help: (t) => t.digest.help,
  examples: ["digest"],
  async handler(ctx) {
    const { t, fmt, workspace: ws } = ctx;
    const now = ctx.clock.now();
    const today = localDate(now, isValidTimeZone(ws.timezone) ? ws.timezone : "UTC");
    const previous = await previousRounds(ctx.db, [{ workspaceId: ws.id, before: today }]);
    const data = await loadDigestData(ctx.db, [{ workspace: ws, today, previous: previous.get(ws.id) }], now);
    const digest = data.get(ws.id);
    if (!digest) return [];
    const note = !ws.digestChannel
      ? t.digest.previewNoChannel
      : ws.digestEnabled
        ? t.digest.preview({ channel: ws.digestChannel, time: ws.digestTime, timezone: ws.timezone })
        : t.digest.previewOff;
    const message = buildDigest(digest, t, fmt, { note, alwaysSay: true });
    return message ? [reply(message)] : [];
  },
});
