/** Discord's limit on a component's or modal's custom id. */
export const CUSTOM_ID_MAX = 100;

/** The adapter's own "open the form" button, for a form that could not open in time. */
export const FORM_BUTTON_PREFIX = "~form:";

/**
 * A press in a direct message carries no server id, so buttons and forms the bot sends in a
 * DM carry it themselves: `@<guild id>/<action id>`. The core re-checks who may do what, so
 * a forged id gains nothing the same person could not do in the server.
 */
export function scopedId(actionId: string, guildId: string | undefined): string {
  return guildId ? `@${guildId}/${actionId}` : actionId;
}

export function parseScopedId(customId: string): { guildId: string | undefined; actionId: string } {
  const match = /^@(\d{1,25})\/(.*)$/s.exec(customId);
  if (!match) return { guildId: undefined, actionId: customId };
  return { guildId: match[1], actionId: match[2] ?? "" };
}
