import { describe, expect, it } from "vitest";
import { catalogFor } from "../../src/messages/catalog.ts";
import { createFormatter } from "../../src/messages/format.ts";
import { letterFormatter } from "../../src/messages/letter-formatter.ts";
import type { Locale } from "../../src/messages/locale.ts";
import { frenchProblems } from "../support/french-rules.ts";

/**
 * Every message of both catalogs, rendered with sample values: strings, and functions called
 * with arguments whose every property answers as a name that starts with a vowel, a date on
 * the first of the month, a number (1 or 2) or a list, whatever the message reads from it.
 * A message added later is rendered the same way, so it cannot bring back a plain space
 * before a colon, « 1 août » or « de Orion ».
 */
const VOWEL_NAMES = ["Orion SARL", "Émilie Martin", "Atelier Hugo"];

type Profile = { n: number; date: string; name: string; word: string };
const profilesFor = (locale: Locale): Profile[] => [
  { n: 1, date: createFormatter(locale, "Europe/Paris").date("2026-08-01"), name: "Orion SARL", word: "Bravo" },
  {
    n: 2,
    date: letterFormatter(locale, "Europe/Paris").date("2026-02-01"),
    name: "Atelier Hugo",
    word: "Bravo",
  },
];

const nameLike = /^(client|who|by|name|owner|author|reporter|user|customer|signer|source|file|member|person)$/i;
const dateLike =
  /date|since|due|last|earliest|previous|started|drafted|suspend|issued|from$|^to$|^on$|^at$|until|first|latest|day$|when|sent|posted/i;

/** A value that reads as whatever the message asks of it. */
function sample(key: string, profile: Profile, depth = 0): unknown {
  const text = nameLike.test(key) ? profile.name : dateLike.test(key) ? profile.date : profile.word;
  // A list's items are samples too (up to two levels deep), or plain text below that.
  const list =
    depth < 2
      ? [0, 1].slice(0, profile.n).map((i) => sample(`${key}${i}`, profile, depth + 1))
      : [text, text].slice(0, profile.n);
  const target = () => text;
  return new Proxy(target, {
    get(_, prop) {
      if (prop === Symbol.toPrimitive) return (hint: string) => (hint === "number" ? profile.n : text);
      if (prop === "length") return profile.n;
      if (prop === Symbol.iterator) return list[Symbol.iterator].bind(list);
      if (typeof prop === "string" && prop in Array.prototype && typeof Reflect.get(list, prop) === "function")
        return (...args: unknown[]) => (Reflect.get(list, prop) as (...a: unknown[]) => unknown).apply(list, args);
      if (typeof prop === "string" && prop in String.prototype)
        return (...args: unknown[]) =>
          (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[prop]?.apply(text, args);
      if (typeof prop === "string" && /^\d+$/.test(prop)) return list[Number(prop)];
      return sample(String(prop), profile, depth + 1);
    },
    apply: () => text,
  });
}

/** Values a message looks up in a table of its own: a sample string would find nothing there. */
const fixed: Record<string, Record<string, unknown>> = {
  "advice.reminders.last": { kind: "first" },
};

/** The arguments of one call: each property a sample; `flip` sets one property to false. */
function args(profile: Profile, path: string, flip?: string): unknown {
  const given = fixed[path] ?? {};
  return new Proxy(
    {},
    {
      get: (_, prop) =>
        prop === flip
          ? false
          : typeof prop === "string"
            ? prop in given
              ? given[prop]
              : sample(prop, profile)
            : undefined,
      has: () => true,
    },
  );
}

/** Which properties a function reads, so each can be tried as absent too. */
function readsOf(fn: (...a: unknown[]) => unknown, profile: Profile, path: string): string[] {
  const given = fixed[path] ?? {};
  const seen = new Set<string>();
  const spy = new Proxy(
    {},
    {
      get: (_, prop) => {
        if (typeof prop === "string") seen.add(prop);
        return typeof prop === "string" ? (prop in given ? given[prop] : sample(prop, profile)) : undefined;
      },
    },
  );
  try {
    fn(spy, spy);
  } catch {}
  return [...seen];
}

/** Every rendering of every message: [key path, text]. */
function renderAll(locale: Locale): { texts: [string, string][]; failures: string[] } {
  const texts: [string, string][] = [];
  const failures: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") texts.push([path, value]);
    else if (typeof value === "function") {
      const fn = value as (...a: unknown[]) => unknown;
      for (const profile of profilesFor(locale)) {
        let rendered = 0;
        for (const flip of [undefined, ...readsOf(fn, profile, path)]) {
          try {
            const out = fn(args(profile, path, flip), args(profile, path, flip));
            if (flip === undefined && typeof out === "string" && /undefined|\[object|NaN/.test(out))
              failures.push(`${path}: ${out}`);
            walk(out, path);
            rendered++;
          } catch (error) {
            // A property set to false may not be allowed by the message's type; the full call must work.
            if (flip === undefined) failures.push(`${path}: ${String(error)}`);
          }
        }
        if (rendered === 0) failures.push(`${path}: rendered nothing`);
      }
    } else if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
    } else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(catalogFor(locale), "");
  return { texts, failures };
}

describe("every message of the catalogs", () => {
  const fr = renderAll("fr");
  const en = renderAll("en");

  it("renders in both languages with sample values, every key the same in both", () => {
    expect(fr.failures).toEqual([]);
    expect(en.failures).toEqual([]);
    const keys = (r: { texts: [string, string][] }) => new Set(r.texts.map(([k]) => k.replace(/\[\d+\]/g, "[]")));
    expect(keys(fr).size).toBeGreaterThan(800);
    expect(keys(en).size).toBeGreaterThan(800);
  });

  it("writes French as a French agency does: NBSP before : ; ? ! and inside « », 1er, elision before a vowel", () => {
    const problems = fr.texts.flatMap(([key, text]) => frenchProblems(text, VOWEL_NAMES).map((p) => `${key}: ${p}`));
    expect([...new Set(problems)]).toEqual([]);
  });

  it("puts no space before a colon in English, and writes letters as an English agency would", () => {
    const problems = en.texts
      .filter(([, text]) => /[ \u00a0\u202f][:;?!](\s|$)/.test(text))
      .map(([k, t]) => `${k}: ${t}`);
    expect(problems).toEqual([]);
    const all = en.texts.map(([, t]) => t).join("\n");
    expect(all).not.toMatch(/Unless we are mistaken|Without payment by/);
  });
});
