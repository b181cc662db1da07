import type { Connector, ConnectorAccount, SourceChange, SyncWindow } from "../../src/connectors/connector.ts";
import { SourceError } from "../../src/connectors/connector.ts";
import { MalformedChangeError } from "../../src/connectors/validate-source-change.ts";
import { mapXeroInvoice } from "./map-xero.ts";
import { listInvoices } from "./xero-accounting.ts";
import { waitingOutRateLimits, XeroHttpError, xeroSourceError } from "./xero-errors.ts";
import {
  authorizeUrl,
  exchangeCode,
  listOrganisations,
  refreshTokens,
  type XeroApp,
  type XeroTokens,
} from "./xero-identity.ts";

/** An access token lives 30 minutes; one with less than this left is refreshed first. */
const REFRESH_MARGIN_MS = 5 * 60_000;

export interface XeroOptions {
  app: XeroApp;
  /** Invoices per page (Xero's default 100; tests use small pages). */
  pageSize?: number;
  /** How a short Retry-After is waited out (tests record it instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Xero, connected with OAuth 2.0 (xero-identity.ts) and read with xero-node's Accounting API.
 * A backfill reads every open sales invoice (AUTHORISED, whatever its age) and those paid in
 * the last 12 months, page by page; a catch-up reads the sales invoices changed since the
 * last sync (If-Modified-Since), which is also what a webhook asks for.
 */
export function xeroConnector(options: XeroOptions): Connector {
  const { app } = options;
  const pageSize = options.pageSize ?? 100;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    source: "xero",
    label: "Xero",
    oauth: {
      authorizeUrl: (state) => authorizeUrl(app, state),
      async exchange(code, now) {
        const tokens = await exchangeCode(app, code, now).catch((error: unknown) => {
          throw xeroSourceError(error, "identity");
        });
        const accounts = await listOrganisations(app, tokens.accessToken).catch((error: unknown) => {
          throw xeroSourceError(error, "api");
        });
        return { secrets: { ...tokens }, accounts };
      },
    },
    changes: (account, window) => xeroChanges(account, window, { app, pageSize, sleep }),
    async verify(secrets) {
      try {
        const [first] = await listOrganisations(app, secrets.accessToken ?? "");
        return { accountId: first?.id ?? null };
      } catch (error) {
        throw xeroSourceError(error, "api");
      }
    },
  };
}

async function* xeroChanges(
  account: ConnectorAccount,
  window: SyncWindow,
  o: { app: XeroApp; pageSize: number; sleep: (ms: number) => Promise<void> },
): AsyncGenerator<SourceChange | MalformedChangeError> {
  const tenantId = account.accountId;
  if (!tenantId) throw new SourceError("no Xero organisation chosen yet: connect Xero again", false);
  let tokens = readTokens(account.secrets);
  let refreshed = false;
  const refresh = async () => {
    try {
      tokens = await refreshTokens(o.app, tokens.refreshToken, window.now);
    } catch (error) {
      throw xeroSourceError(error, "identity");
    }
    // The old refresh token is spent: the new one is stored before anything else happens.
    await account.saveSecrets({ ...tokens });
    refreshed = true;
  };
  if (Number(tokens.expiresAt) - window.now.getTime() < REFRESH_MARGIN_MS) await refresh();

  const page = async (where: string, statuses: string[] | undefined, since: Date | undefined, n: number) => {
    const query = () =>
      listInvoices(o.app.endpoints.accounting, {
        tenantId,
        accessToken: tokens.accessToken,
        ifModifiedSince: since,
        where,
        statuses,
        page: n,
        pageSize: o.pageSize,
      });
    try {
      return await waitingOutRateLimits(query, o.sleep);
    } catch (error) {
      // A token refused although it had time left: refreshed once, then asked again.
      if (error instanceof XeroHttpError && error.status === 401 && !refreshed) {
        await refresh();
        try {
          return await waitingOutRateLimits(query, o.sleep);
        } catch (again) {
          throw xeroSourceError(again, "api");
        }
      }
      throw xeroSourceError(error, "api");
    }
  };

  const listings: { where: string; statuses?: string[]; since?: Date }[] = window.since
    ? [{ where: SALES, since: window.since }]
    : [
        { where: SALES, statuses: ["AUTHORISED"] },
        { where: `${SALES} AND Date>=${xeroDate(window.backfillFrom)}`, statuses: ["PAID"] },
      ];
  for (const listing of listings) {
    for (let n = 1; ; n += 1) {
      const invoices = await page(listing.where, listing.statuses, listing.since, n);
      for (const invoice of invoices) {
        try {
          yield* mapXeroInvoice(invoice);
        } catch (error) {
          if (error instanceof MalformedChangeError) yield error;
          else throw error;
        }
      }
      if (invoices.length < o.pageSize) break;
    }
  }
}

const SALES = 'Type=="ACCREC"';

/** Xero's where-clause date: DateTime(2025,11,27). */
function xeroDate(d: Date): string {
  return `DateTime(${d.getUTCFullYear()},${d.getUTCMonth() + 1},${d.getUTCDate()})`;
}

function readTokens(secrets: Readonly<Record<string, string>>): XeroTokens {
  const { accessToken, refreshToken, expiresAt } = secrets;
  if (!accessToken || !refreshToken) {
    throw new SourceError("the connection holds no Xero tokens: connect Xero again", false, {
      pause: "tokens-refused",
    });
  }
  return { accessToken, refreshToken, expiresAt: expiresAt ?? "0" };
}
