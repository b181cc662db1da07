import { DiscordAPIError, HTTPError } from "discord.js";

/**
 * What to log about a failed Discord call: status and Discord's code and message. Never the
 * URL (an interaction's URL holds its token) nor the request body (user text).
 */
export function restErrorSummary(error: unknown): { status?: number; code?: number | string; message: string } {
  if (error instanceof DiscordAPIError) {
    return { status: error.status, code: error.code, message: error.message.split("\n")[0] ?? "" };
  }
  if (error instanceof HTTPError) return { status: error.status, message: error.name };
  if (error instanceof Error) return { message: error.message.split("\n")[0] ?? error.name };
  return { message: String(error) };
}
