import { lockWorkspace, updateWorkspace, type WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { Context } from "../core/context.ts";
import { describeDays, parseTimeZone } from "../digest/schedule-settings.ts";
import { isCurrencyToken } from "../domain/money.ts";
import { userError } from "../errors.ts";
import { workspaceTermsSummary } from "../invoices/client-terms.ts";
import type { Catalog } from "../messages/catalog.ts";
import { isLocale } from "../messages/locale.ts";
import type { UndoKind } from "./undo-kind.ts";

type Changes = Partial<Omit<WorkspaceRow, "id" | "platform" | "externalId" | "createdAt">>;

/**
 * One workspace setting as its `config.*` audit entry records it (`from`, `to`): how to read
 * it from the workspace in that shape, write a recorded value back (undefined when the value
 * is not one the setting takes), and say it.
 */
interface SettingValue {
  label: (t: Catalog) => string;
  read: (ws: WorkspaceRow) => unknown;
  write: (value: unknown) => Changes | undefined;
  show: (ctx: Context, value: unknown) => string;
}

const isDigest = (v: unknown): v is { time: string; timezone: string; enabled: boolean } =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as { time?: unknown }).time === "string" &&
  typeof (v as { timezone?: unknown }).timezone === "string" &&
  typeof (v as { enabled?: unknown }).enabled === "boolean";

const isDays = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length > 0 && v.every((d) => Number.isInteger(d) && d >= 1 && d <= 7);

const settings: Record<string, SettingValue> = {
  "config.lang": {
    label: (t) => t.config.labels.lang,
    read: (ws) => ws.locale,
    write: (v) => (typeof v === "string" && isLocale(v) ? { locale: v } : undefined),
    show: (ctx, v) => (typeof v === "string" && isLocale(v) ? ctx.t.config.languages[v] : String(v)),
  },
  "config.timezone": {
    label: (t) => t.config.labels.timezone,
    read: (ws) => ws.timezone,
    write: (v) => (typeof v === "string" && parseTimeZone(v) ? { timezone: v } : undefined),
    show: (_ctx, v) => String(v),
  },
  "config.channel": {
    label: (t) => t.config.labels.channel,
    read: (ws) => ws.digestChannel,
    write: (v) => (v === null || typeof v === "string" ? { digestChannel: v } : undefined),
    show: (ctx, v) => (typeof v === "string" ? `#${v}` : ctx.t.config.values.noChannel),
  },
  "config.digest": {
    label: (t) => t.config.labels.digest,
    read: (ws) => ({ time: ws.digestTime, timezone: ws.timezone, enabled: ws.digestEnabled }),
    write: (v) =>
      isDigest(v) && parseTimeZone(v.timezone)
        ? { digestTime: v.time, timezone: v.timezone, digestEnabled: v.enabled }
        : undefined,
    show: (ctx, v) =>
      isDigest(v) ? ctx.t.undo.what.digest({ time: v.time, timezone: v.timezone, on: v.enabled }) : String(v),
  },
  "config.days": {
    label: (t) => t.config.labels.days,
    read: (ws) => ws.digestDays,
    write: (v) => (isDays(v) ? { digestDays: v } : undefined),
    show: (ctx, v) => (isDays(v) ? describeDays(v, ctx.t, ctx.fmt) : String(v)),
  },
  "config.quiet": {
    label: (t) => t.config.labels.quiet,
    read: (ws) => ws.digestQuietPost,
    write: (v) => (typeof v === "boolean" ? { digestQuietPost: v } : undefined),
    show: (ctx, v) => (v ? ctx.t.digest.config.quietPostShort : ctx.t.digest.config.quietSilentShort),
  },
  "config.terms": {
    label: (t) => t.config.labels.terms,
    read: (ws) => ws.defaultTerms,
    write: (v) =>
      typeof v === "object" && v !== null && !Array.isArray(v)
        ? { defaultTerms: v as Record<string, unknown> }
        : undefined,
    show: (ctx, v) => workspaceTermsSummary(ctx, v),
  },
  "config.currency": {
    label: (t) => t.config.labels.currency,
    read: (ws) => ws.defaultCurrency,
    write: (v) => (v === null || (typeof v === "string" && isCurrencyToken(v)) ? { defaultCurrency: v } : undefined),
    show: (ctx, v) => (typeof v === "string" ? v : ctx.t.config.values.noCurrency),
  },
};

/**
 * A workspace setting changed by mistake: set back to what it was, under the workspace's
 * lock, unless someone changed it again since (then nothing is touched: that is theirs).
 */
export const undoSetting: UndoKind = {
  actions: Object.keys(settings),
  async describe(ctx, entry) {
    const setting = settingOf(entry.action);
    return ctx.t.undo.what.setting({
      setting: setting.label(ctx.t),
      from: setting.show(ctx, entry.details.from),
      to: setting.show(ctx, entry.details.to),
    });
  },
  async withdraw(ctx, tx, entry) {
    const setting = settingOf(entry.action);
    const restore = "from" in entry.details ? setting.write(entry.details.from) : undefined;
    if (!restore || !("to" in entry.details)) {
      throw userError("undo-not-recorded", (t) => t.undo.blocked.notRecorded);
    }
    const ws = await lockWorkspace(tx, ctx.workspace.id);
    if (!ws) return undefined;
    if (stable(setting.read(ws)) !== stable(entry.details.to)) {
      throw userError("undo-setting-changed", (t) => t.undo.blocked.settingChanged({ setting: setting.label(t) }));
    }
    await updateWorkspace(tx, ctx.workspace.id, restore);
    return [];
  },
};

function settingOf(action: string): SettingValue {
  const setting = settings[action];
  if (!setting) throw new Error(`no setting for ${action}`);
  return setting;
}

/** JSON with keys sorted: jsonb reorders keys, and a value read back must compare equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
