import { addDays, isIsoDate } from "./dates.ts";

/**
 * A day as people type it in chat, in English or French: `2026-08-15`, `15 Aug 2026`,
 * `15 août 2026`, `1er août 2026`, `Aug 15, 2026`, `15/08/2026` (day first, French only:
 * in English it is refused as ambiguous), `today`, `yesterday`, `tomorrow`, `+30d`,
 * `in 30 days`, `3 days ago`, and the French `aujourd'hui`, `hier`, `demain`, `+30j`,
 * `dans 30 jours`, `il y a 3 jours`. Pure: the workspace's day and locale come in.
 */
export interface DayTextOptions {
  /** How a numeric `15/08/2026` is read: day first in French, refused in English. */
  locale: "en" | "fr";
  /** Today in the workspace's time zone (ISO). */
  today: string;
  /** What `+30d` counts from (the issue date for a due date); today when absent. */
  base?: string | undefined;
}

export type DayProblem = "format" | "ambiguous" | "nonexistent" | "noYear" | "tooFar";

export type DayResult =
  | { ok: true; day: string }
  | {
      ok: false;
      problem: DayProblem;
      /** For "ambiguous": the readings (ISO days), day first then month first when both exist. */
      readings?: string[];
    };

// No prototype: a word such as "constructor" or "__proto__" is no month.
const MONTHS: Record<string, number> = Object.create(null);
const names: [number, string[]][] = [
  [1, ["jan", "january", "janv", "janvier"]],
  [2, ["feb", "february", "fev", "fevr", "fevrier"]],
  [3, ["mar", "march", "mars"]],
  [4, ["apr", "april", "avr", "avril"]],
  [5, ["may", "mai"]],
  [6, ["jun", "june", "juin"]],
  [7, ["jul", "july", "juil", "juillet"]],
  [8, ["aug", "august", "aout"]],
  [9, ["sep", "sept", "september", "septembre"]],
  [10, ["oct", "october", "octobre"]],
  [11, ["nov", "november", "novembre"]],
  [12, ["dec", "december", "decembre"]],
];
for (const [month, words] of names) for (const w of words) MONTHS[w] = month;

/** Longest relative offset accepted, in days (a due date ten years out is a typo). */
export const MAX_OFFSET_DAYS = 3660;

const MONTH = "([a-z]+)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th|er|e)?";
const YEAR = "(\\d{4})";
const UNIT = "(days?|d|weeks?|w|jours?|j|semaines?|sem)";
const SHAPES = {
  dayMonthYear: new RegExp(`^${DAY} ${MONTH},? ${YEAR}$`),
  monthDayYear: new RegExp(`^${MONTH} ${DAY},? ${YEAR}$`),
  dayMonth: new RegExp(`^${DAY} ${MONTH}$`),
  monthDay: new RegExp(`^${MONTH} ${DAY}$`),
  numeric: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/,
  plus: new RegExp(`^\\+ ?(\\d{1,4}) ?${UNIT}?$`),
  minus: new RegExp(`^- ?(\\d{1,4}) ?${UNIT}?$`),
  inN: new RegExp(`^(?:in|dans) (\\d{1,4}) ${UNIT}$`),
  ago: new RegExp(`^(?:(\\d{1,4}) ${UNIT} ago|il y a (\\d{1,4}) ${UNIT})$`),
};

const WORDS: Record<string, number> = {
  today: 0,
  "aujourd'hui": 0,
  auj: 0,
  yesterday: -1,
  hier: -1,
  tomorrow: 1,
  demain: 1,
};

/** Lower case, accents off, apostrophes straight, commas kept, spaces single. */
export function normalizeDayText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .replace(/ ,/g, ",")
    .trim();
}

export function parseDayText(text: string, opts: DayTextOptions): DayResult {
  const s = normalizeDayText(text);
  if (Object.hasOwn(WORDS, s)) return { ok: true, day: addDays(opts.today, WORDS[s] ?? 0) };
  if (isIsoDate(s)) return { ok: true, day: s };
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { ok: false, problem: "nonexistent" };

  const plus = SHAPES.plus.exec(s);
  if (plus) return offset(opts.base ?? opts.today, Number(plus[1]), plus[2]);
  const inN = SHAPES.inN.exec(s);
  if (inN) return offset(opts.today, Number(inN[1]), inN[2]);
  const ago = SHAPES.ago.exec(s);
  if (ago) return offset(opts.today, -Number(ago[1] ?? ago[3]), ago[2] ?? ago[4]);
  const minus = SHAPES.minus.exec(s);
  if (minus) return offset(opts.today, -Number(minus[1]), minus[2]);

  const numeric = SHAPES.numeric.exec(s);
  if (numeric) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    if (opts.locale === "fr") return calendarDay(year, b, a);
    const readings = [iso(year, b, a), iso(year, a, b)].filter((d, i, all) => isIsoDate(d) && all.indexOf(d) === i);
    return readings.length === 0
      ? { ok: false, problem: "nonexistent" }
      : { ok: false, problem: "ambiguous", readings };
  }

  const dmy = SHAPES.dayMonthYear.exec(s);
  if (dmy) return named(Number(dmy[1]), dmy[2], Number(dmy[3]));
  const mdy = SHAPES.monthDayYear.exec(s);
  if (mdy) return named(Number(mdy[2]), mdy[1], Number(mdy[3]));
  const dm = SHAPES.dayMonth.exec(s) ?? swap(SHAPES.monthDay.exec(s));
  if (dm && MONTHS[dm[2] ?? ""] !== undefined) return { ok: false, problem: "noYear" };
  return { ok: false, problem: "format" };
}

/**
 * How many words, from the first, make one date phrase (`15 Aug 2026` is 3, `in 30 days` 3,
 * `2026-08-15` 1): the command grammar takes that many after `due`, `issued` or `on`.
 */
export function dayPhraseLength(words: readonly string[]): number {
  for (let n = Math.min(5, words.length); n > 1; n--) {
    const s = normalizeDayText(words.slice(0, n).join(" "));
    const dayFirst = SHAPES.dayMonthYear.exec(s) ?? SHAPES.dayMonth.exec(s);
    const monthFirst = SHAPES.monthDayYear.exec(s) ?? SHAPES.monthDay.exec(s);
    if (MONTHS[dayFirst?.[2] ?? ""] !== undefined || MONTHS[monthFirst?.[1] ?? ""] !== undefined) return n;
    if (SHAPES.inN.test(s) || SHAPES.ago.test(s) || SHAPES.plus.test(s)) return n;
  }
  return words.length > 0 ? 1 : 0;
}

function swap(m: RegExpExecArray | null): string[] | null {
  return m ? [m[0], m[2] ?? "", m[1] ?? ""] : null;
}

function named(day: number, monthWord: string | undefined, year: number): DayResult {
  const month = MONTHS[monthWord ?? ""];
  if (month === undefined) return { ok: false, problem: "format" };
  return calendarDay(year, month, day);
}

function calendarDay(year: number, month: number, day: number): DayResult {
  const d = iso(year, month, day);
  return isIsoDate(d) ? { ok: true, day: d } : { ok: false, problem: "nonexistent" };
}

function offset(from: string, count: number, unit: string | undefined): DayResult {
  const days = /^(w|weeks?|semaines?|sem)$/.test(unit ?? "") ? count * 7 : count;
  if (Math.abs(days) > MAX_OFFSET_DAYS) return { ok: false, problem: "tooFar" };
  return { ok: true, day: addDays(from, days) };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
