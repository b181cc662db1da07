import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { serializeError } from "./serialize-error.ts";

/** Anything that may hold a secret, wherever it appears in a log object. */
export const redactPaths = [
  "token",
  "*.token",
  "*.*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "refreshToken",
  "*.refreshToken",
  "*.*.refreshToken",
  "accessToken",
  "*.accessToken",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "secret",
  "*.secret",
  "signingSecret",
  "*.signingSecret",
  "clientSecret",
  "*.clientSecret",
  "stateSecret",
  "*.stateSecret",
  "DATABASE_URL",
  "*.DATABASE_URL",
  "connectionString",
  "*.connectionString",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "DISCORD_TOKEN",
  "DISCORD_PUBLIC_KEY",
  "*.SLACK_BOT_TOKEN",
  "*.SLACK_SIGNING_SECRET",
  "*.SLACK_APP_TOKEN",
  "*.SLACK_CLIENT_SECRET",
  "*.SLACK_STATE_SECRET",
  "*.DISCORD_TOKEN",
  "*.DISCORD_PUBLIC_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "TACT_ENCRYPTION_KEY",
  "XERO_CLIENT_SECRET",
  "XERO_WEBHOOK_KEY",
  "*.XERO_CLIENT_SECRET",
  "*.XERO_WEBHOOK_KEY",
  "*.STRIPE_SECRET_KEY",
  "*.STRIPE_WEBHOOK_SECRET",
  "*.TACT_ENCRYPTION_KEY",
  "apiKey",
  "*.apiKey",
  "webhookSecret",
  "*.webhookSecret",
];

export interface LogOptions {
  level?: string | undefined;
  /** Pretty, human-readable lines (a terminal); otherwise JSON. */
  pretty?: boolean | undefined;
  /** File descriptor to write to: 1 (stdout) or 2 (stderr, when stdout is the console adapter's). */
  fd?: 1 | 2;
  /**
   * Secret values (tokens, signing secrets, the database password) blanked wherever they
   * appear in a line, even inside a message or a stack trace, where key-based redaction
   * cannot see them.
   */
  secrets?: readonly (string | undefined)[] | undefined;
  /** Where JSON lines go instead of `fd` (tests). */
  stream?: DestinationStream | undefined;
}

/** The one root logger; children per request carry platform, workspace and request id. */
export function createLogger(options: LogOptions = {}): Logger {
  const level = options.level ?? "info";
  const base = {
    level,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { err: serializeError, error: serializeError },
  };
  const scrub = secretScrubber(options.secrets ?? []);
  const fd = options.fd ?? 1;
  if (options.stream) return pino(base, scrubbing(options.stream, scrub));
  if (options.pretty) {
    // Synchronous, in-process: a worker-thread transport would lose the last lines at exit.
    const out = pretty({ destination: fd, sync: true, colorize: true, ignore: "pid,hostname" });
    return pino(base, scrubbing(out, scrub));
  }
  return pino(base, scrubbing(pino.destination({ fd, sync: fd === 2 }), scrub));
}

/** The secret values in a configuration, for `createLogger({ secrets })`. */
export function configSecrets(settings: object): string[] {
  const config = settings as Partial<Record<string, unknown>>;
  const keys = [
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_CLIENT_SECRET",
    "SLACK_STATE_SECRET",
    "DISCORD_TOKEN",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "TACT_ENCRYPTION_KEY",
    "XERO_CLIENT_SECRET",
    "XERO_WEBHOOK_KEY",
  ];
  const secrets = keys.map((k) => config[k]).filter((v): v is string => typeof v === "string");
  const url = config.DATABASE_URL;
  if (typeof url === "string" && URL.canParse(url)) {
    const password = new URL(url).password;
    if (password) secrets.push(password, decodeURIComponent(password));
  }
  return secrets;
}

// Shorter values would blank ordinary words; real secrets are far longer.
const MIN_SECRET_LENGTH = 6;

/** Replaces known secret values and anything shaped like a token or a URL password. */
export function secretScrubber(secrets: readonly (string | undefined)[]): (text: string) => string {
  const values = [
    ...new Set(secrets.filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)),
  ]
    // Longest first, so a secret containing another is blanked whole.
    .sort((a, b) => b.length - a.length)
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]);
  const exact = values.length > 0 ? new RegExp(values.map(escapeRegExp).join("|"), "g") : undefined;
  return (text) => {
    let out = exact ? text.replace(exact, "[redacted]") : text;
    out = out
      .replace(/\bxox[a-z]-[A-Za-z0-9-]{6,}/g, "xox-[redacted]")
      .replace(/\bxapp-[A-Za-z0-9-]{6,}/g, "xapp-[redacted]")
      .replace(/\b(sk|rk)_(live|test)_[A-Za-z0-9]{6,}/g, "$1_$2_[redacted]")
      .replace(/\bwhsec_[A-Za-z0-9]{6,}/g, "whsec_[redacted]")
      .replace(/\b(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g, "$1 [redacted]")
      .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'\\]*:)[^\s@/"'\\]+@/gi, "$1[redacted]@");
    return out;
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** A destination that scrubs every line before passing it on (and keeps its flush). */
function scrubbing(destination: DestinationStream, scrub: (text: string) => string): DestinationStream {
  const target = destination as DestinationStream & {
    flush?: (cb?: (err?: Error) => void) => void;
    flushSync?: () => void;
  };
  const stream: DestinationStream & { flush?: unknown; flushSync?: unknown } = {
    write: (line: string) => target.write(scrub(line)),
  };
  if (typeof target.flush === "function") stream.flush = target.flush.bind(target);
  if (typeof target.flushSync === "function") stream.flushSync = target.flushSync.bind(target);
  return stream;
}
