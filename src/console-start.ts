import { ConfigError } from "./config.ts";

export interface ConsoleStartInput {
  env: Record<string, string | undefined>;
  /** Command-line arguments after the script. */
  argv: readonly string[];
  stdinIsTerminal: boolean;
  /** Running the compiled build (dist/), as `npm run start:prod` and the Docker image do. */
  compiled: boolean;
}

export const CONSOLE_NOTICE = "No Slack or Discord settings: running the console on standard input";

/**
 * With no platform configured, Tact runs the console. In a terminal that is plainly what
 * happens; otherwise (a container, a pipe) it says so on stderr before reading, so a
 * misspelt variable does not look like a silent exit. In production (the compiled build,
 * or NODE_ENV=production) a server without a platform is a configuration error, unless
 * someone is at a terminal (`docker run -it`) or asked for the console with --console.
 * Returns the notice to print, if any.
 */
export function consoleStart(input: ConsoleStartInput): string | undefined {
  if (input.stdinIsTerminal || input.argv.includes("--console")) return undefined;
  if (input.compiled || input.env.NODE_ENV === "production") {
    throw new ConfigError([
      "SLACK_BOT_TOKEN or DISCORD_TOKEN (and their companions, see .env.example): in production Tact needs Slack or Discord; the console runs only in a terminal, or with --console",
    ]);
  }
  return CONSOLE_NOTICE;
}
