import { en } from "./en/index.ts";
import { fr } from "./fr/index.ts";
import type { Locale } from "./locale.ts";

/** The English catalog is the reference: a key missing from another language is a type error. */
export type Catalog = typeof en;

const catalogs: Record<Locale, Catalog> = { en, fr };

export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale];
}
