/**
 * Text crossing the Slack boundary. Outgoing: every text the core built is plain, so `&`, `<`
 * and `>` are escaped and nothing a user typed (`<!channel>`, `<@U123>`) can notify anyone.
 * Incoming: Slack's control sequences become the plain text the core expects.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * A slash command's text as the user meant it. Users and channels stay as Slack escapes them
 * (`<@U123|dana>`, `<#C123|billing>`), so a setting can name a person or a channel exactly;
 * broadcasts and groups become plain words (`@channel`), links their URL; entities are decoded
 * last so that a literal `&lt;!channel&gt;` stays text.
 */
export function textFromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_all, inner: string) => {
      const bar = inner.indexOf("|");
      const target = bar >= 0 ? inner.slice(0, bar) : inner;
      const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
      // Kept as Slack sent them: settings read the id, and the name after | for display.
      if (/^@[UW][A-Z0-9]+$/.test(target) || /^#[CG][A-Z0-9]+$/.test(target)) return `<${inner}>`;
      if (target.startsWith("!subteam^")) return label ?? "@group";
      if (target.startsWith("!date^")) return label ?? "";
      if (target.startsWith("!")) return `@${target.slice(1).split("^")[0] ?? ""}`;
      if (/^mailto:/i.test(target)) return target.slice("mailto:".length);
      if (/^https?:/i.test(target)) return target;
      return label ?? target;
    })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const escapedLength = (c: string): number => (c === "&" ? 5 : c === "<" || c === ">" ? 4 : c.length);

/** The raw text escaped, cut so that it fits in `max` characters, ending with "…" when cut. */
export function fitEscaped(text: string, max: number): string {
  const escaped = escapeMrkdwn(text);
  if (escaped.length <= max) return escaped;
  let used = 0;
  let end = 0;
  for (const c of text) {
    const n = escapedLength(c);
    if (used + n > max - 1) break;
    used += n;
    end += c.length;
  }
  return `${escapeMrkdwn(text.slice(0, end).trimEnd())}…`;
}

/**
 * The raw text escaped and split into pieces of at most `max` characters each, cutting at
 * line breaks where possible, then at spaces, so long text is continued rather than lost.
 */
export function splitEscaped(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") pieces.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const escaped = escapeMrkdwn(line);
    const joined = current === "" ? escaped : `${current}\n${escaped}`;
    if (joined.length <= max) {
      current = joined;
      continue;
    }
    flush();
    if (escaped.length <= max) {
      current = escaped;
      continue;
    }
    for (const piece of splitLongLine(line, max)) {
      flush();
      current = piece;
    }
  }
  flush();
  return pieces.length > 0 ? pieces : [""];
}

function splitLongLine(line: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(/(?<= )/)) {
    const escaped = escapeMrkdwn(word);
    if (current.length + escaped.length <= max) {
      current += escaped;
      continue;
    }
    if (current !== "") out.push(current);
    current = "";
    if (escaped.length <= max) {
      current = escaped;
      continue;
    }
    // One word longer than the limit: cut it by characters.
    let rest = word;
    while (escapeMrkdwn(rest).length > max) {
      const piece = fitRaw(rest, max);
      out.push(escapeMrkdwn(piece));
      rest = rest.slice(piece.length);
    }
    current = escapeMrkdwn(rest);
  }
  if (current !== "") out.push(current);
  return out;
}

/** The longest prefix of raw text whose escaped form fits in `max`. */
function fitRaw(text: string, max: number): string {
  let used = 0;
  let end = 0;
  for (const c of text) {
    const n = escapedLength(c);
    if (used + n > max) break;
    used += n;
    end += c.length;
  }
  return text.slice(0, Math.max(end, 1));
}
