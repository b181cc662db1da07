import type { Catalog } from "../catalog.ts";
import type { Locale } from "../locale.ts";
import { advice } from "./advice.ts";
import { channels } from "./channels.ts";
import { clients } from "./clients.ts";
import { config } from "./config.ts";
import { core } from "./core.ts";
import { digest } from "./digest.ts";
import { discord } from "./discord.ts";
import { evidence } from "./evidence.ts";
import { help } from "./help.ts";
import { home } from "./home.ts";
import { incidents } from "./incidents.ts";
import { invoices } from "./invoices.ts";
import { letters } from "./letters.ts";
import { offboarding } from "./offboarding.ts";
import { reminders } from "./reminders.ts";
import { risk } from "./risk.ts";
import { slack } from "./slack.ts";
import { sources } from "./sources.ts";
import { undo } from "./undo.ts";

export const fr: Catalog = {
  /** The catalog's language, for renderers that punctuate for it. */
  locale: "fr" as Locale,
  ...core,
  advice,
  channels,
  clients,
  config,
  digest,
  discord,
  evidence,
  help,
  home,
  incidents,
  invoices,
  reminders,
  risk,
  letters,
  offboarding,
  slack,
  sources,
  undo,
};
