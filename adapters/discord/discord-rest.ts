import { DefaultRestOptions, REST, type RESTOptions } from "@discordjs/rest";

export const DEFAULT_API = "https://discord.com/api";

export interface RestSettings {
  token: string;
  /** DISCORD_API_URL: the REST base, `https://discord.com/api` unless a proxy (or a test) says otherwise. */
  api?: string | undefined;
  /** Retries of failed calls (discord.js waits out rate limits on its own). */
  retries?: number | undefined;
}

/**
 * discord.js sends uploads as a FormData through its own copy of undici, but it dispatches them
 * on the process-wide undici agent. When another copy of undici installed that agent first (Bolt's
 * Socket Mode does), the upload fails inside it ("action is not a function") and the file is lost.
 * The multipart body is therefore encoded here, into bytes any agent can send.
 */
const makeRequest: RESTOptions["makeRequest"] = async (url, init) => {
  if (!(init.body instanceof FormData)) return DefaultRestOptions.makeRequest(url, init);
  const encoded = new Response(init.body);
  const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
  headers.set("content-type", encoded.headers.get("content-type") ?? "multipart/form-data");
  const body = new Uint8Array(await encoded.arrayBuffer());
  return DefaultRestOptions.makeRequest(url, { ...init, headers: Object.fromEntries(headers), body });
};

/** discord.js REST options (the gateway client takes the same ones). */
export function restOptions(settings: RestSettings): {
  api: string;
  version: string;
  retries?: number;
  makeRequest: RESTOptions["makeRequest"];
} {
  return {
    api: (settings.api ?? DEFAULT_API).replace(/\/+$/, ""),
    version: "10",
    makeRequest,
    ...(settings.retries === undefined ? {} : { retries: settings.retries }),
  };
}

export function createRest(settings: RestSettings): REST {
  return new REST(restOptions(settings)).setToken(settings.token);
}
