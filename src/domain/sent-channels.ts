/** How a letter or a reminder went to the client, as the owner records it (issue #14). */
export const sentChannels = ["email", "post", "registered"] as const;
export type SentChannel = (typeof sentChannels)[number];

/** The words people type for each channel, in English and French, accents and case aside. */
const words: Record<string, SentChannel> = {
  email: "email",
  "e-mail": "email",
  mail: "email",
  courriel: "email",
  post: "post",
  letter: "post",
  courrier: "post",
  lettre: "post",
  registered: "registered",
  "registered-letter": "registered",
  recommande: "registered",
  lrar: "registered",
  "lettre-recommandee": "registered",
};

/** The channel a typed word names, or null. */
export function parseSentChannel(text: string): SentChannel | null {
  const key = text
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, "-");
  return Object.hasOwn(words, key) ? (words[key] ?? null) : null;
}

export function isSentChannel(value: string): value is SentChannel {
  return (sentChannels as readonly string[]).includes(value);
}
