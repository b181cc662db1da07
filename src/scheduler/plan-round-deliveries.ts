import type { PlannedDelivery } from "../../db/queries/digest-deliveries.ts";
import { post } from "../core/effects.ts";
import { alertKey, buildAlert, dueAlerts } from "../digest/build-alert.ts";
import { buildDigest } from "../digest/build-digest.ts";
import type { DigestData } from "../digest/digest-data.ts";
import { catalogFor } from "../messages/catalog.ts";
import { createFormatter } from "../messages/format.ts";
import { toLocale } from "../messages/locale.ts";

export const DIGEST = "digest";
export const ALERT = "alert";

/**
 * What one workspace's daily round sends: the digest (keyed by the local date) unless it is
 * off or has nothing to say on a silent quiet day, and one alert per invoice reaching a
 * reminder stage (keyed by invoice and stage). Pure.
 */
export function planRoundDeliveries(data: DigestData): PlannedDelivery[] {
  const ws = data.workspace;
  const channel = ws.digestChannel;
  if (!channel) return [];
  const locale = toLocale(ws.locale);
  const t = catalogFor(locale);
  const fmt = createFormatter(locale, ws.timezone);
  const planned: PlannedDelivery[] = [];
  if (ws.digestEnabled) {
    const digest = buildDigest(data, t, fmt);
    if (digest) {
      planned.push({ workspaceId: ws.id, kind: DIGEST, key: data.today, payload: { effect: post(channel, digest) } });
    }
  }
  for (const inv of dueAlerts(data.overdue, data.today)) {
    planned.push({
      workspaceId: ws.id,
      kind: ALERT,
      key: alertKey(inv),
      payload: { effect: post(channel, buildAlert(inv, t, fmt)) },
    });
  }
  return planned;
}
