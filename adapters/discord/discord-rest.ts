import { REST } from "discord.js";

export const DEFAULT_API = "https://discord.com/api";

export interface RestSettings {
  token: string;
  /** DISCORD_API_URL: the REST base, `https://discord.com/api` unless a proxy (or a test) says otherwise. */
  api?: string | undefined;
  /** Retries of failed calls (discord.js waits out rate limits on its own). */
  retries?: number | undefined;
}

/** discord.js REST options (the gateway client takes the same ones). */
export function restOptions(settings: RestSettings): { api: string; version: string; retries?: number } {
  return {
    api: (settings.api ?? DEFAULT_API).replace(/\/+$/, ""),
    version: "10",
    ...(settings.retries === undefined ? {} : { retries: settings.retries }),
  };
}

export function createRest(settings: RestSettings): REST {
  return new REST(restOptions(settings)).setToken(settings.token);
}
