export type DecodedText = { text: string } | { error: string; line: number };

const SAVE_AS = "save the file as UTF-8 (or UTF-16 with a byte-order mark) and try again";

/**
 * A text file's bytes as text. UTF-8 with or without a byte-order mark and UTF-16 with one are
 * read; anything else is refused with the line where it stops being readable, rather than
 * guessed: "Soci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale" must never become a client's name.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { error: `the file is in UTF-32: ${SAVE_AS}`, line: 1 };
  if (a === 0xff && b === 0xfe) return decode(bytes.subarray(2), "utf-16le");
  if (a === 0xfe && b === 0xff) return decode(bytes.subarray(2), "utf-16be");
  const utf8 = a === 0xef && b === 0xbb && c === 0xbf ? bytes.subarray(3) : bytes;
  const nul = utf8.indexOf(0);
  if (nul >= 0) {
    const line = utf8.subarray(0, nul).filter((byte) => byte === 0x0a).length + 1;
    return { error: `the file looks like UTF-16 without a byte-order mark: ${SAVE_AS}`, line };
  }
  return decode(utf8, "utf-8");
}

function decode(bytes: Uint8Array, encoding: "utf-8" | "utf-16le" | "utf-16be"): DecodedText {
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    // Decoded leniently, the first replacement character marks where the bytes stop making sense.
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const line = lenient.slice(0, lenient.indexOf("\uFFFD")).split("\n").length;
    const name = encoding === "utf-8" ? "UTF-8" : "UTF-16";
    const guess = encoding === "utf-8" ? " (it may be in Latin-1 or Windows-1252)" : "";
    return { error: `this line is not ${name} text${guess}: ${SAVE_AS}`, line };
  }
}
