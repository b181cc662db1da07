import type { Catalog } from "../messages/catalog.ts";
import { type Message, message } from "../messages/message.ts";

/** The action id of the welcome's help button: it shows `/client help`. */
export const HELP_ACTION = "help";

/**
 * The first three steps (add a client, choose the digest's channel, set the currency) and
 * where help is: sent to whoever installed Tact, and shown when the console starts.
 */
export function welcomeMessage(t: Catalog): Message {
  const w = t.home.welcome;
  return message(w.title)
    .header(w.title)
    .text(w.intro)
    .text(w.steps.join("\n"))
    .context(w.help)
    .buttons([{ id: HELP_ACTION, label: w.helpButton }])
    .build();
}
