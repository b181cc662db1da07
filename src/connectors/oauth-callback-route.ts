import type http from "node:http";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";
import { insertConnection, reconnectConnection, workspaceConnection } from "../../db/queries/connections.ts";
import { consumeOAuthState, insertOAuthState, type OAuthStateRow } from "../../db/queries/oauth-states.ts";
import { findWorkspaceById, type WorkspaceRow } from "../../db/queries/workspaces.ts";
import type { InvoiceSource } from "../../db/schema/connections.ts";
import type { CoreServices } from "../core/context.ts";
import { buildContext } from "../core/create-core.ts";
import { BodyTooLargeError, type RouteHandler, readBody } from "../http/create-http-server.ts";
import { type Catalog, catalogFor } from "../messages/catalog.ts";
import { toLocale } from "../messages/locale.ts";
import { type OAuthConnect, type SourceAccount, SourceError } from "./connector.ts";
import { newConnectionId } from "./connector-runtime.ts";
import type { SourceServices } from "./create-sources.ts";
import { sendOAuthPage } from "./oauth-page.ts";
import { newOAuthToken, OAUTH_STEP_MINUTES, oauthTokenId } from "./oauth-token.ts";
import { sourceLabel } from "./source-label.ts";

type Services = CoreServices & { sources: SourceServices };

/**
 * `GET /<source>/callback?code&state`: where the source sends the owner's browser back. The
 * state is used once, must not have expired, and belongs to a workspace whose owner is still
 * the one who asked. The code becomes tokens, sealed; with one organisation the connection is
 * made (a backfill starts), with several the page asks which one (`POST /<source>/callback`,
 * a second single-use step). Every page says what happened in the workspace's language;
 * nothing is connected unless all of it succeeded.
 */
export function oauthCallbackRoute(services: Services, source: InvoiceSource, oauth: OAuthConnect): RouteHandler {
  const log = services.log.child({ component: "oauth", source });
  const label = sourceLabel(source);
  const path = `/${source}/callback`;
  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://tact.invalid");
    if (url.pathname !== path) return page(res, 404, catalogFor(guessLocale(req)), []);
    try {
      if (req.method === "GET") return await callback(req, res, url);
      if (req.method === "POST") return await choose(req, res);
      res.writeHead(405, { allow: "GET, POST" }).end();
    } catch (error) {
      const t = catalogFor(guessLocale(req));
      if (isDatabaseUnavailable(error)) log.warn("database unavailable during an OAuth step");
      else log.error({ err: error }, "OAuth step failed");
      return page(res, 500, t, [t.sources.oauth.page.failed({ source: label, key: source })]);
    }
  };

  async function callback(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const state = url.searchParams.get("state") ?? "";
    const step = await use(state, "authorize");
    const fallback = catalogFor(guessLocale(req));
    if (!step) return page(res, 400, fallback, [fallback.sources.oauth.page.invalid({ key: source })]);
    const { workspace, t } = step;
    if (!ownerStill(step.row, workspace)) return page(res, 403, t, [t.sources.oauth.page.notOwner({ source: label })]);
    const code = url.searchParams.get("code");
    if (!code) {
      log.info({ workspace: workspace.externalId, error: url.searchParams.get("error") }, "OAuth consent not given");
      return page(res, 200, t, [t.sources.oauth.page.denied({ source: label, key: source })]);
    }
    let exchanged: { secrets: Record<string, string>; accounts: SourceAccount[] };
    try {
      exchanged = await oauth.exchange(code, services.clock.now());
    } catch (error) {
      const reason = error instanceof SourceError ? error.message : "";
      log.warn({ workspace: workspace.externalId, reason }, "the source refused the OAuth code");
      return page(res, 502, t, [t.sources.oauth.page.refused({ source: label, reason, key: source })]);
    }
    const sealed = seal(exchanged.secrets);
    if (!sealed) return page(res, 500, t, [t.sources.errors.encryptionKey]);
    const [only, ...others] = exchanged.accounts;
    if (!only) return page(res, 200, t, [t.sources.oauth.page.noAccount({ source: label, key: source })]);
    if (others.length === 0) return finish(res, step.row, workspace, t, only, sealed);
    // Several organisations: the owner picks one on a page of its own, itself used once.
    const { token, id } = newOAuthToken();
    const at = services.clock.now();
    await insertOAuthState(services.db, {
      id,
      workspaceId: workspace.id,
      userId: step.row.userId,
      source,
      purpose: "choose-account",
      // The tokens stay sealed here until the choice is made.
      data: { accounts: exchanged.accounts, secrets: sealed },
      at,
      expiresAt: new Date(at.getTime() + OAUTH_STEP_MINUTES * 60_000),
    });
    const c = t.sources.oauth.page.choose;
    return sendOAuthPage(res, 200, {
      lang: t.sources.oauth.page.lang,
      title: c.title({ source: label }),
      lines: [c.text({ source: label })],
      form: {
        action: path,
        hidden: { choice: token },
        choices: exchanged.accounts.map((a) => ({ value: a.id, label: a.name })),
        submit: c.submit,
      },
    });
  }

  async function choose(req: http.IncomingMessage, res: http.ServerResponse) {
    const fallback = catalogFor(guessLocale(req));
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, 16 * 1024)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return page(res, 413, fallback, [fallback.sources.oauth.page.invalid({ key: source })]);
      throw error;
    }
    const step = await use(form.get("choice") ?? "", "choose-account");
    if (!step) return page(res, 400, fallback, [fallback.sources.oauth.page.invalid({ key: source })]);
    const { workspace, t } = step;
    if (!ownerStill(step.row, workspace)) return page(res, 403, t, [t.sources.oauth.page.notOwner({ source: label })]);
    const data = step.row.data as { accounts?: SourceAccount[]; secrets?: string };
    const account = (data.accounts ?? []).find((a) => a.id === form.get("account"));
    if (!account || !data.secrets) {
      return page(res, 400, t, [t.sources.oauth.page.invalid({ key: source })]);
    }
    return finish(res, step.row, workspace, t, account, data.secrets);
  }

  /** The connection made (or made again) for the chosen organisation; the worker starts at once. */
  async function finish(
    res: http.ServerResponse,
    row: OAuthStateRow,
    workspace: WorkspaceRow,
    t: Catalog,
    account: SourceAccount,
    sealed: string,
  ) {
    const ctx = buildContext(
      services,
      {
        platform: workspace.platform as "console",
        workspaceId: workspace.externalId,
        userId: row.userId,
        userName: row.userId,
        channelId: "",
        isDm: true,
        input: { kind: "text", text: "" },
      },
      workspace,
    );
    const at = services.clock.now();
    let again = false;
    await services.db.transaction(async (tx) => {
      const existing = await workspaceConnection(tx, workspace.id, source);
      again = existing !== undefined;
      let id = existing?.id;
      if (existing) {
        await reconnectConnection(tx, existing.id, {
          secrets: sealed,
          accountId: account.id,
          accountName: account.name,
          sameAccount: existing.accountId === account.id,
          at,
        });
      } else {
        const made = await insertConnection(tx, {
          id: newConnectionId(),
          workspaceId: workspace.id,
          source,
          origin: "command",
          secrets: sealed,
          accountId: account.id,
          accountName: account.name,
          createdBy: row.userId,
          at,
        });
        if (!made) throw new Error("a connection was made at the same moment");
        id = made.id;
      }
      await ctx.audit(
        {
          action: again ? "source.reconnected" : "source.connected",
          subjectType: "connection",
          subjectId: id ?? "",
          details: { source, account: account.id, accountName: account.name },
        },
        tx,
      );
    });
    services.sources.worker.kick();
    log.info({ workspace: workspace.externalId, account: account.id, again }, "source connected through OAuth");
    const p = t.sources.oauth.page;
    return page(res, 200, t, [p.connected({ source: label, account: account.name }), p.next]);
  }

  async function use(token: string, purpose: string) {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const row = await consumeOAuthState(services.db, {
      id: oauthTokenId(token),
      source,
      purpose,
      now: services.clock.now(),
    });
    if (!row) return undefined;
    const workspace = await findWorkspaceById(services.db, row.workspaceId);
    if (!workspace) return undefined;
    return { row, workspace, t: catalogFor(toLocale(workspace.locale)) };
  }

  function seal(secrets: Record<string, string>): string | undefined {
    try {
      return services.sources.runtime.box.seal(JSON.stringify(secrets));
    } catch (error) {
      log.error({ err: error }, "OAuth tokens could not be sealed");
      return undefined;
    }
  }

  function page(res: http.ServerResponse, status: number, t: Catalog, lines: string[]) {
    sendOAuthPage(res, status, {
      lang: t.sources.oauth.page.lang,
      title: t.sources.oauth.page.title({ source: label }),
      lines,
    });
  }
}

/** Owner-only at every step: the owner may have handed the workspace over since the link was sent. */
function ownerStill(row: OAuthStateRow, workspace: WorkspaceRow): boolean {
  return workspace.ownerUserId !== null && workspace.ownerUserId === row.userId && workspace.deactivatedAt === null;
}

function guessLocale(req: http.IncomingMessage) {
  return toLocale(String(req.headers["accept-language"] ?? "").split(/[,;]/)[0]);
}
