import { sql } from "drizzle-orm";
import type { Db } from "../../../db/database.ts";
import { queryRows } from "../../../db/query-rows.ts";

/**
 * Hostile text typed as an incident's note (`/client late acme <note>`), the same table for
 * every adapter. Text that is merely unusual (emoji, right-to-left, SQL-looking, mentions) is
 * the user's data: stored exactly as typed, and echoed without notifying anyone. Text that
 * cannot be a note is refused with a message saying why, and nothing is written.
 */
export interface HostileNote {
  name: string;
  note: string;
  /** The console reads one line at a time: notes with line breaks only go through Slack and Discord. */
  multiline?: boolean;
  expect: { stored: true } | { refused: RegExp };
}

export const hostileNotes: HostileNote[] = [
  { name: "a huge note (10,000 characters)", note: "late again ".repeat(910), expect: { refused: /too long/ } },
  { name: "a note of exactly 2,000 characters", note: "x".repeat(2000), expect: { stored: true } },
  {
    name: "control characters (bell, escape codes)",
    note: "paid \u0007 \u001b[31mRED\u001b[0m",
    expect: { refused: /control characters/ },
  },
  { name: "a NUL byte", note: "before\u0000after", expect: { refused: /control characters/ } },
  { name: "zero-width characters", note: "pa\u200bid\u200d la\u2060te\ufeff", expect: { stored: true } },
  { name: "a right-to-left override", note: "invoice \u202egnp.exe\u202c attached", expect: { stored: true } },
  { name: "right-to-left text", note: "الدفع متأخر مرة أخرى — שוב באיחור", expect: { stored: true } },
  { name: "emoji and joined graphemes", note: "👩‍👩‍👧 paid late again 🇫🇷🔥🏳️‍🌈", expect: { stored: true } },
  {
    name: "SQL-looking text",
    note: "'); drop table incidents; -- or 1=1; select * from workspaces",
    expect: { stored: true },
  },
  {
    name: "Slack mention injections",
    note: "<!channel> <!here> <!everyone> <@U0SAM> <!subteam^S0DEVS|@devs> <https://evil.example|click>",
    expect: { stored: true },
  },
  {
    name: "Discord mention injections",
    note: "@everyone @here <@1130000000000000002> <@&1150000000000000001> <#1120000000000000001>",
    expect: { stored: true },
  },
  {
    name: "markup injection",
    note: "<script>alert(1)</script> *bold* `code` ||spoiler|| &amp;",
    expect: { stored: true },
  },
  { name: "line breaks and tabs", note: "first line\nsecond\tline", multiline: true, expect: { stored: true } },
];

/** The notes of every incident, in order; their count is what was written. */
export async function storedNotes(db: Db): Promise<(string | null)[]> {
  const rows = await queryRows<{ note: string | null }>(db, sql`select note from incidents order by id`);
  return rows.map((r) => r.note);
}

/**
 * How many rows every table holds: nothing may change when a request is refused, except the
 * request's id kept to apply a platform's retry once (`processed_requests`) and the audit
 * log's record of the refusal itself (`refused.*`: someone tried).
 */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ tablename: string }>(
    db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    if (tablename === "processed_requests") continue;
    const where = tablename === "audit_log" ? " where action not like 'refused.%'" : "";
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${tablename}"${where}`));
    out[tablename] = Number(row?.n);
  }
  return out;
}

/** Things that must never reach a user or a log: internals and secrets. */
export const leaks = [
  /\bat [\w.<>]+ \(.*:\d+:\d+\)/, // a stack frame
  /\bnode_modules\b/,
  /\b(insert into|select .* from|update .* set|delete from)\s+"?\w+"?/i,
  /Failed query/,
  /duplicate key value/,
];
