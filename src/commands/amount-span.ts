import { isCurrencyToken } from "../domain/money.ts";
import type { Token } from "./tokenize.ts";

/** A first word that may continue with a group of three digits: `1`, `€1`, `1 200`, `EUR 12`. */
const GROUP_START = /(?:^|[^\d.,'’])\d{1,3}$/;
/** A following group of three digits, with the decimals and a currency that may end it. */
const GROUP = /^\d{3}(?:[.,]\d+)?(?:[€£$¥]|[A-Za-z]{3})?$/;

/**
 * An amount typed with spaces between its thousands, as the French write it (`1 200,50 €`,
 * with a normal or a non-breaking space), starting at token `from`: the text it covers as
 * typed, and the index of the token after it. With `withCurrency`, a currency written as the
 * next word is part of it too (`fee 50 EUR`).
 */
export function amountSpan(
  text: string,
  tokens: readonly Token[],
  from: number,
  withCurrency = false,
): { value: string; next: number } {
  const first = tokens[from];
  if (!first || first.quoted) return { value: first?.value ?? "", next: from + 1 };
  let last = from;
  let value = first.value;
  while (GROUP_START.test(value)) {
    const token = tokens[last + 1];
    if (!token || token.quoted || !GROUP.test(token.value)) break;
    last++;
    value = text.slice(first.start, token.end);
  }
  const after = tokens[last + 1];
  if (withCurrency && after && !after.quoted && isCurrencyToken(after.value)) {
    last++;
    value = text.slice(first.start, after.end);
  }
  return { value, next: last + 1 };
}
