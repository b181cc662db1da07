import type { Config } from "../../src/config.ts";
import type { Connector } from "../../src/connectors/connector.ts";
import { xeroConnector } from "./xero-connector.ts";
import { xeroEndpoints } from "./xero-endpoints.ts";

/** Xero for open-sources.ts: the connector when the deployment has a Xero app (XERO_CLIENT_ID…). */
export function xeroSource(config: Config): { connector: Connector; settings: undefined } | undefined {
  if (!config.XERO_CLIENT_ID || !config.XERO_CLIENT_SECRET || !config.XERO_REDIRECT_URI) return undefined;
  return {
    connector: xeroConnector({
      app: {
        clientId: config.XERO_CLIENT_ID,
        clientSecret: config.XERO_CLIENT_SECRET,
        redirectUri: config.XERO_REDIRECT_URI,
        endpoints: xeroEndpoints({ apiUrl: config.XERO_API_URL, identityUrl: config.XERO_IDENTITY_URL }),
      },
    }),
    // Xero is always connected per workspace, with the owner's consent: nothing from the settings.
    settings: undefined,
  };
}
