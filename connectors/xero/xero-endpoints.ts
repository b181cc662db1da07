/** Where Xero's services are: its own addresses, or XERO_API_URL / XERO_IDENTITY_URL (tests, proxies). */
export interface XeroEndpoints {
  /** The consent page the owner is sent to. */
  authorize: string;
  /** Exchanges a code, or refreshes tokens. */
  token: string;
  /** The organisations a token may read. */
  connections: string;
  /** The Accounting API's base (…/api.xro/2.0). */
  accounting: string;
}

/**
 * Xero's consent page lives on login.xero.com and its token endpoint on identity.xero.com;
 * with XERO_IDENTITY_URL both are under that base (`/connect/authorize`, `/connect/token`).
 * The connections and the Accounting API are under XERO_API_URL (default https://api.xero.com).
 */
export function xeroEndpoints(options: {
  apiUrl?: string | undefined;
  identityUrl?: string | undefined;
}): XeroEndpoints {
  const api = trim(options.apiUrl ?? "https://api.xero.com");
  const identity = options.identityUrl ? trim(options.identityUrl) : undefined;
  return {
    authorize: identity ? `${identity}/connect/authorize` : "https://login.xero.com/identity/connect/authorize",
    token: `${identity ?? "https://identity.xero.com"}/connect/token`,
    connections: `${api}/connections`,
    accounting: `${api}/api.xro/2.0`,
  };
}

function trim(url: string): string {
  return url.replace(/\/+$/, "");
}
