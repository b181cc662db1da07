import { z } from "zod";
import type { SourceAccount } from "../../src/connectors/connector.ts";
import type { XeroEndpoints } from "./xero-endpoints.ts";
import { retryAfterSeconds, XeroHttpError } from "./xero-errors.ts";

/**
 * Xero's OAuth 2.0 identity service, over plain HTTP. xero-node's XeroClient cannot do this
 * against any other host: it discovers https://identity.xero.com, posts refreshes to
 * https://identity.xero.com/connect/token and lists tenants from https://api.xero.com/connections,
 * all written into the code, so neither XERO_IDENTITY_URL nor a local fake could be used.
 */

/**
 * Read-only access to invoices (credit notes are under the same scope) and a refresh token.
 * Xero's granular scopes: apps created since 2 March 2026 may not ask for the broad
 * accounting.transactions ones.
 */
export const XERO_SCOPES = ["offline_access", "accounting.invoices.read"] as const;

export interface XeroApp {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  endpoints: XeroEndpoints;
}

/** The connection's secrets: the tokens and when the access token expires (ms since 1970, as text). */
export interface XeroTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
}

const TIMEOUT_MS = 20_000;

const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string().optional(),
});

const connectionsAnswer = z.array(
  z.object({
    id: z.string().optional(),
    tenantId: z.string().min(1),
    tenantType: z.string(),
    tenantName: z.string().nullish(),
  }),
);

export function authorizeUrl(app: XeroApp, state: string): string {
  const url = new URL(app.endpoints.authorize);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("redirect_uri", app.redirectUri);
  url.searchParams.set("scope", XERO_SCOPES.join(" "));
  url.searchParams.set("state", state);
  return url.toString();
}

/** The callback's code exchanged for tokens. */
export function exchangeCode(app: XeroApp, code: string, now: Date): Promise<XeroTokens> {
  return tokenRequest(app, { grant_type: "authorization_code", code, redirect_uri: app.redirectUri }, now);
}

/** New tokens for old: Xero's refresh tokens rotate, so the new ones must be stored before use. */
export function refreshTokens(app: XeroApp, refreshToken: string, now: Date): Promise<XeroTokens> {
  return tokenRequest(app, { grant_type: "refresh_token", refresh_token: refreshToken }, now);
}

async function tokenRequest(app: XeroApp, form: Record<string, string>, now: Date): Promise<XeroTokens> {
  const res = await fetch(app.endpoints.token, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      accept: "application/json",
    },
    body: new URLSearchParams(form).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await readJson(res);
  if (!res.ok) throw httpError(res, body, "error");
  const parsed = tokenAnswer.safeParse(body);
  if (!parsed.success) throw new XeroHttpError(502, undefined, "malformed token answer");
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token,
    expiresAt: String(now.getTime() + parsed.data.expires_in * 1000),
  };
}

/** The organisations (tenants of type ORGANISATION) the tokens may read. */
export async function listOrganisations(app: XeroApp, accessToken: string): Promise<SourceAccount[]> {
  const res = await fetch(app.endpoints.connections, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = await readJson(res);
  if (!res.ok) throw httpError(res, body, "Detail");
  const parsed = connectionsAnswer.safeParse(body);
  if (!parsed.success) throw new XeroHttpError(502, undefined, "malformed connections answer");
  return parsed.data
    .filter((c) => c.tenantType === "ORGANISATION")
    .map((c) => ({ id: c.tenantId, name: c.tenantName?.trim() || c.tenantId }));
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function httpError(res: Response, body: unknown, field: string): XeroHttpError {
  const detail = (body as Record<string, unknown> | undefined)?.[field];
  return new XeroHttpError(
    res.status,
    retryAfterSeconds(res.headers.get("retry-after")),
    typeof detail === "string" ? detail.slice(0, 100) : "",
  );
}
