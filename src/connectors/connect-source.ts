import {
  insertConnection,
  replaceConnectionSecrets,
  updateConnectionSecrets,
  workspaceConnection,
} from "../../db/queries/connections.ts";
import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { Context } from "../core/context.ts";
import { actionId, defineAction } from "../core/define-action.ts";
import { type Effect, reply } from "../core/effects.ts";
import { ownerOnly } from "../core/guards.ts";
import { userError } from "../errors.ts";
import { message } from "../messages/message.ts";
import { MissingEncryptionKeyError } from "../secrets/secret-box.ts";
import { SourceError } from "./connector.ts";
import { newConnectionId } from "./connector-runtime.ts";
import { requireSources } from "./require-sources.ts";
import { sourceLabel } from "./source-label.ts";
import { startOAuthConnect } from "./start-oauth-connect.ts";

export const CONNECT_FORM = "connect-source";

const KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,250}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=]{8,250}$/;

const guard = ownerOnly((t) => t.sources.ownerActions.connect);

/** `/client connect stripe`: the private form asking for the key (owner only, checked again on submit). */
export async function openConnectForm(ctx: Context, source: InvoiceSource): Promise<Effect[]> {
  const sources = requireSources(ctx);
  refuseUnusable(ctx, source);
  // A source connected through OAuth (Xero): a link by DM instead of a form.
  const oauth = sources.runtime.connectors.get(source)?.oauth;
  if (oauth) return startOAuthConnect(ctx, source, oauth, sources.runtime.box);
  if (sources.fromSettings.has(source)) {
    throw userError("from-settings", (t) => t.sources.errors.fromSettings({ source: sourceLabel(source) }));
  }
  if (!sources.runtime.box.ready) throw missingKey();
  const existing = await workspaceConnection(ctx.db, ctx.workspace.id, source);
  const f = ctx.t.sources.form;
  return [
    {
      type: "form",
      form: {
        id: actionId(CONNECT_FORM, source),
        title: f.title({ source: sourceLabel(source) }),
        submitLabel: f.submit,
        fields: [
          // The console fills only the first field: the key, which is what a first connection needs.
          { id: "apiKey", label: existing ? f.keyAgain : f.key, multiline: false, required: !existing, maxLength: 255 },
          { id: "webhookSecret", label: f.webhookSecret, multiline: false, required: false, maxLength: 255 },
        ],
      },
    },
  ];
}

/** The connect form submitted: checks the key with the source, stores it sealed, starts the backfill. */
export const connectFormAction = defineAction({
  name: CONNECT_FORM,
  guards: [guard],
  async handler(ctx, params, values = {}) {
    const source = params[0] as InvoiceSource;
    const sources = requireSources(ctx);
    refuseUnusable(ctx, source);
    const connector = sources.runtime.connectors.get(source);
    if (!connector || connector.oauth) {
      throw userError("unknown-source", (t) => t.sources.errors.unknownSource({ source }));
    }
    if (sources.fromSettings.has(source)) {
      throw userError("from-settings", (t) => t.sources.errors.fromSettings({ source: sourceLabel(source) }));
    }
    const apiKey = (values.apiKey ?? "").trim();
    const webhookSecret = (values.webhookSecret ?? "").trim();
    const existing = await workspaceConnection(ctx.db, ctx.workspace.id, source);
    if (apiKey === "" && !existing) throw userError("invalid.key", (t) => t.sources.errors.keyMissing, "apiKey");
    if (apiKey !== "" && !KEY.test(apiKey)) {
      throw userError("invalid.key", (t) => t.sources.errors.keyFormat, "apiKey");
    }
    if (webhookSecret !== "" && !WEBHOOK_SECRET.test(webhookSecret)) {
      throw userError("invalid.webhook-secret", (t) => t.sources.errors.webhookSecretFormat, "webhookSecret");
    }
    const box = sources.runtime.box;
    if (!box.ready) throw missingKey();
    const before = existing ? sources.runtime.secretsOf(existing) : {};
    const secrets: Record<string, string> = { ...before };
    if (apiKey !== "") secrets.apiKey = apiKey;
    if (webhookSecret !== "") secrets.webhookSecret = webhookSecret;
    const keyChanged = apiKey !== "" && apiKey !== before.apiKey;
    let accountId: string | null = existing?.accountId ?? null;
    if (keyChanged) {
      try {
        accountId = (await connector.verify({ apiKey })).accountId;
      } catch (error) {
        const reason = error instanceof SourceError ? error.message : "";
        throw userError(
          "source-refused",
          (t) => t.sources.errors.refused({ source: sourceLabel(source), reason }),
          "apiKey",
        );
      }
    }
    const sealed = sealOrRefuse(() => box.seal(JSON.stringify(secrets)));
    const at = ctx.clock.now();
    let id = existing?.id;
    await ctx.db.transaction(async (tx) => {
      if (existing) {
        if (keyChanged) await replaceConnectionSecrets(tx, existing.id, { secrets: sealed, accountId, at });
        else await updateConnectionSecrets(tx, existing.id, sealed);
      } else {
        const row = await insertConnection(tx, {
          id: newConnectionId(),
          workspaceId: ctx.workspace.id,
          source,
          origin: "command",
          secrets: sealed,
          accountId,
          createdBy: ctx.user.id,
          at,
        });
        // Two submissions at once: the second finds the first's connection next time.
        if (!row) throw userError("connect-race", (t) => t.sources.errors.tryAgain);
        id = row.id;
      }
      await ctx.audit(
        {
          action: existing ? "source.reconnected" : "source.connected",
          subjectType: "connection",
          subjectId: id ?? "",
          details: { source, keyChanged, webhookSecret: webhookSecret !== "" },
        },
        tx,
      );
    });
    if (keyChanged) sources.worker.kick();
    const t = ctx.t.sources;
    const path = `/${source}/webhooks/${id}`;
    const lines = [
      keyChanged ? t.connected({ source: sourceLabel(source) }) : t.updated({ source: sourceLabel(source) }),
      secrets.webhookSecret ? t.webhookReady({ path }) : t.webhookNext({ path, events: t.stripeEvents }),
    ];
    return [
      reply(
        message(lines[0] ?? "")
          .text(lines.join("\n\n"))
          .build(),
      ),
    ];
  },
});

function refuseUnusable(ctx: Context, source: InvoiceSource): void {
  if (!requireSources(ctx).runtime.connectors.has(source)) {
    // A source this version knows but this deployment has no settings for (Xero's app).
    throw userError("not-configured", (t) =>
      t.sources.errors.notConfigured({ source: sourceLabel(source), key: source }),
    );
  }
}

function missingKey() {
  return userError("missing-encryption-key", (t) => t.sources.errors.encryptionKey);
}

function sealOrRefuse(seal: () => string): string {
  try {
    return seal();
  } catch (error) {
    if (error instanceof MissingEncryptionKeyError) throw missingKey();
    throw error;
  }
}
