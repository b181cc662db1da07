import type { Locale } from "./locale.ts";

/** "Label: value", and in French "Label : value" with a non-breaking space before the colon. */
export function labelValue(label: string, value: string, locale: Locale | undefined): string {
  return `${label}${locale === "fr" ? "\u00a0:" : ":"} ${value}`;
}
