import { z } from "zod";
import { parseEncryptionKey } from "./secrets/secret-box.ts";

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const url = (what: string) =>
  optionalText.refine((s) => s === undefined || URL.canParse(s), { error: `must be a URL (${what})` });

/** A reference-rate service's base URL, or `off` (no fetching: the shipped and stored rates only). */
const rateUrl = (what: string) =>
  optionalText.refine((s) => s === undefined || s.toLowerCase() === "off" || /^https?:\/\//.test(s), {
    error: `must be a URL or off (${what})`,
  });

const schema = z.object({
  PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
  ),
  DATABASE_URL: optionalText.refine((s) => s === undefined || /^postgres(ql)?:\/\//.test(s), {
    error: "must start with postgres:// or postgresql://",
  }),
  DATA_DIR: optionalText.default("./data"),
  LOG_LEVEL: optionalText.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
  SLACK_BOT_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith("xoxb-"), {
    error: "must be a bot token starting with xoxb-",
  }),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((s) => s === undefined || s.startsWith("xapp-"), {
    error: "must be an app-level token starting with xapp-",
  }),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_API_URL: url("the Slack Web API base, e.g. https://slack.com/api/"),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText.refine((s) => s === undefined || /^\d{17,20}$/.test(s), {
    error: "must be an id of 17 to 20 digits (Application ID, on the app's General Information page)",
  }),
  DISCORD_PUBLIC_KEY: optionalText.refine((s) => s === undefined || /^[0-9a-f]{64}$/i.test(s), {
    error: "must be 64 hexadecimal characters (the application's public key)",
  }),
  DISCORD_API_URL: url("the Discord REST base, e.g. https://discord.com/api"),
  STRIPE_SECRET_KEY: optionalText.refine((s) => s === undefined || /^(sk|rk)_(test|live)_\w+$/.test(s), {
    error: "must be a Stripe secret key (sk_live_…, sk_test_…) or restricted key (rk_…)",
  }),
  STRIPE_WEBHOOK_SECRET: optionalText.refine((s) => s === undefined || /^whsec_\w+$/.test(s), {
    error: "must be the webhook endpoint's signing secret (whsec_…)",
  }),
  STRIPE_API_URL: url("the Stripe API base, e.g. https://api.stripe.com"),
  XERO_CLIENT_ID: optionalText.refine((s) => s === undefined || /^[A-Za-z0-9]{16,64}$/.test(s), {
    error: "must be the Xero app's client id (letters and digits, from developer.xero.com → My Apps)",
  }),
  XERO_CLIENT_SECRET: optionalText,
  XERO_WEBHOOK_KEY: optionalText,
  XERO_REDIRECT_URI: optionalText.refine(
    (s) =>
      s === undefined || (/^https?:\/\//.test(s) && URL.canParse(s) && new URL(s).pathname.endsWith("/xero/callback")),
    { error: "must be Tact's public address followed by /xero/callback, e.g. https://tact.example.com/xero/callback" },
  ),
  XERO_API_URL: url("the Xero API base, e.g. https://api.xero.com"),
  XERO_IDENTITY_URL: url("the Xero identity base, e.g. https://identity.xero.com"),
  TACT_ECB_URL: rateUrl("the ECB Data Portal's base, e.g. https://data-api.ecb.europa.eu/service/"),
  TACT_BOE_URL: rateUrl("the Bank of England database's base, e.g. https://www.bankofengland.co.uk/boeapps/database/"),
  TACT_RATES_FILE: optionalText,
  TACT_ENCRYPTION_KEY: optionalText.superRefine((s, ctx) => {
    if (s === undefined) return;
    try {
      parseEncryptionKey(s);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `${(error as Error).message} (make one with: openssl rand -base64 32)` });
    }
  }),
});

export type Env = z.infer<typeof schema>;

export interface Config extends Env {
  slackEnabled: boolean;
  discordEnabled: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Tact cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and checks the configuration; one clear line per missing or wrong value. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const c = result.data;
  const problems: string[] = [];
  const slackAny = Boolean(c.SLACK_BOT_TOKEN || c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN || c.SLACK_CLIENT_ID);
  if (slackAny) {
    if (!c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) {
      problems.push("SLACK_SIGNING_SECRET: required for Slack (or SLACK_APP_TOKEN for Socket Mode)");
    }
    const oauth = c.SLACK_CLIENT_ID || c.SLACK_CLIENT_SECRET || c.SLACK_STATE_SECRET;
    if (oauth) {
      for (const key of ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const) {
        if (!c[key]) problems.push(`${key}: required for multi-workspace installs (OAuth)`);
      }
    } else if (!c.SLACK_BOT_TOKEN) {
      problems.push("SLACK_BOT_TOKEN: required for Slack (or SLACK_CLIENT_ID/SECRET/STATE_SECRET for OAuth installs)");
    }
  }
  const discordAny = Boolean(c.DISCORD_TOKEN || c.DISCORD_PUBLIC_KEY || c.DISCORD_APPLICATION_ID);
  if (discordAny) {
    if (!c.DISCORD_TOKEN) problems.push("DISCORD_TOKEN: required for Discord");
    if (!c.DISCORD_APPLICATION_ID) problems.push("DISCORD_APPLICATION_ID: required for Discord");
  }
  if (c.STRIPE_WEBHOOK_SECRET && !c.STRIPE_SECRET_KEY)
    problems.push("STRIPE_SECRET_KEY: required with STRIPE_WEBHOOK_SECRET");
  if (c.STRIPE_SECRET_KEY && !c.STRIPE_WEBHOOK_SECRET) {
    problems.push(
      "STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY (the signing secret of the webhook endpoint)",
    );
  }
  const xeroAny = Boolean(c.XERO_CLIENT_ID || c.XERO_CLIENT_SECRET || c.XERO_WEBHOOK_KEY || c.XERO_REDIRECT_URI);
  if (xeroAny) {
    const why = {
      XERO_CLIENT_ID: "the Xero app's client id",
      XERO_CLIENT_SECRET: "the Xero app's client secret",
      XERO_REDIRECT_URI: "Tact's address followed by /xero/callback, also set as the app's redirect URI in Xero",
    } as const;
    for (const key of ["XERO_CLIENT_ID", "XERO_CLIENT_SECRET", "XERO_REDIRECT_URI"] as const) {
      if (!c[key]) problems.push(`${key}: required for Xero (${why[key]})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...c, slackEnabled: slackAny, discordEnabled: discordAny };
}
