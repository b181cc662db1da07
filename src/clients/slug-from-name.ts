/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŋ: "n",
  ŧ: "t",
  ſ: "s",
};

const SCRIPTS = [
  "Latin",
  "Cyrillic",
  "Greek",
  "Armenian",
  "Georgian",
  "Hebrew",
  "Arabic",
  "Devanagari",
  "Bengali",
  "Thai",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Bopomofo",
] as const;
const SCRIPT_TESTS = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);

/** Scripts that are written together within one word (Unicode TR39, "highly restrictive"). */
const WRITTEN_TOGETHER = [
  new Set(["Latin", "Han", "Hiragana", "Katakana"]),
  new Set(["Latin", "Han", "Bopomofo"]),
  new Set(["Latin", "Han", "Hangul"]),
];

/** The letter's script; undefined for letters shared by scripts (the Japanese long-vowel mark ー). */
function scriptOf(letter: string): string | undefined {
  if (/[\p{Script=Common}\p{Script=Inherited}]/u.test(letter)) return undefined;
  for (const [name, test] of SCRIPT_TESTS) if (test.test(letter)) return name;
  return "another script";
}

/**
 * The scripts mixed inside one word of a name, such as Cyrillic and Latin in "аcme" (whose
 * first letter is Cyrillic): a name that looks like another. Undefined when every word is
 * written in one script (or in scripts that go together, as Japanese does).
 */
export function mixedScripts(name: string): string[] | undefined {
  for (const word of name.normalize("NFC").split(/[^\p{L}\p{M}]+/u)) {
    const scripts = new Set([...word].filter((c) => /\p{L}/u.test(c)).flatMap((c) => scriptOf(c) ?? []));
    if (scripts.size > 1 && !WRITTEN_TOGETHER.some((together) => [...scripts].every((s) => together.has(s)))) {
      return [...scripts];
    }
  }
  return undefined;
}

export type SlugFromName =
  | { slug: string }
  /** Letters that have no Latin spelling here (a name in Cyrillic, Han…): ask for a short name. */
  | { problem: "not-latin" }
  /** Fewer than 3 letters or digits. */
  | { problem: "too-short" };

/**
 * A client's short name made from its display name: accents removed ("Café Noir" → cafe-noir),
 * Latin letters spelled out (ß → ss, ø → o), anything else between words becomes a dash. A
 * letter with no Latin spelling makes no slug rather than disappearing ("аcme" is not "cme").
 */
export function slugFromName(name: string): SlugFromName {
  const latin = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/./gu, (c) => LATIN_LETTERS[c] ?? c);
  if (/[^\p{ASCII}]/u.test(latin.replace(/[^\p{L}\p{N}]/gu, ""))) return { problem: "not-latin" };
  let slug = latin.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > 40) {
    // At most 40 characters, cut between words when there is a word boundary to cut at.
    const cut = slug.slice(0, 40);
    slug = slug[40] === "-" || !cut.includes("-") ? cut : cut.slice(0, cut.lastIndexOf("-"));
    slug = slug.replace(/-+$/, "");
  }
  return slug.length >= 3 ? { slug } : { problem: "too-short" };
}
