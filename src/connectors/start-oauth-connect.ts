import { workspaceConnection } from "../../db/queries/connections.ts";
import { insertOAuthState } from "../../db/queries/oauth-states.ts";
import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { Context } from "../core/context.ts";
import { dm, type Effect, reply } from "../core/effects.ts";
import { userError } from "../errors.ts";
import { message, textMessage } from "../messages/message.ts";
import type { OAuthConnect } from "./connector.ts";
import { newOAuthToken, OAUTH_STEP_MINUTES } from "./oauth-token.ts";
import { sourceLabel } from "./source-label.ts";

/**
 * `/client connect xero` (owner only): a single-use link to the source's consent page, bound
 * to this workspace and this owner and valid for 10 minutes, sent to the owner by DM (never in
 * a channel). The source sends the browser back to `/<source>/callback` (oauth-callback-route.ts).
 */
export async function startOAuthConnect(
  ctx: Context,
  source: InvoiceSource,
  oauth: OAuthConnect,
  box: { ready: boolean },
): Promise<Effect[]> {
  // Checked before sending anyone to Xero: the tokens could not be stored anyway.
  if (!box.ready) throw userError("missing-encryption-key", (t) => t.sources.errors.encryptionKey);
  const { token, id } = newOAuthToken();
  const at = ctx.clock.now();
  await insertOAuthState(ctx.db, {
    id,
    workspaceId: ctx.workspace.id,
    userId: ctx.user.id,
    source,
    purpose: "authorize",
    at,
    expiresAt: new Date(at.getTime() + OAUTH_STEP_MINUTES * 60_000),
  });
  await ctx.audit({ action: "source.connect-started", details: { source } });
  const t = ctx.t.sources.oauth;
  const label = sourceLabel(source);
  const existing = await workspaceConnection(ctx.db, ctx.workspace.id, source);
  const m = message(t.dmTitle({ source: label }))
    .header(t.dmTitle({ source: label }))
    .text(t.dm({ source: label, url: oauth.authorizeUrl(token), minutes: OAUTH_STEP_MINUTES }));
  if (existing?.accountName) m.context(t.dmAgain({ source: label, account: existing.accountName }));
  const effects: Effect[] = [dm(ctx.user.id, m.build())];
  if (!ctx.invocation.isDm) effects.push(reply(textMessage(t.sentDm({ source: label }))));
  return effects;
}
