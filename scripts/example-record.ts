// npm run example-record: the example written records in docs/examples/, Markdown and PDF, in
// English and in French. A realistic client story is played through Tact's own commands,
// buttons and forms on a fixed clock, in an in-memory database, then exported as the owner
// would (`/client export acme`). Run it again after changing the record; nothing else is read.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pino from "pino";
import { openDatabase } from "../db/database.ts";
import { FixedClock } from "../src/clock.ts";
import { actionList, commandList } from "../src/commands/registry.ts";
import { createCore } from "../src/core/create-core.ts";
import type { Effect } from "../src/core/effects.ts";
import type { Invocation, InvocationInput } from "../src/core/invocation.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "docs", "examples");

/** The agency's people: the owner and two team members, as Slack would name them. */
const people: Record<string, string> = { camille: "Camille Martin", sam: "Sam Okafor", lea: "Léa Dubois" };

/**
 * The story, oldest first: [when (UTC), who, what]. A line is a command, `press ID`, or
 * `form ID {json}` (a form submitted with these values).
 */
const story: [string, string, string][] = [
  ["2025-06-02T08:30:00Z", "camille", "/client add acme ACME SARL"],
  ["2025-06-02T08:32:00Z", "camille", "/client terms acme law fr"],
  ["2025-06-02T08:40:00Z", "camille", "/client flag acme insisted on paying everything at the end of the project"],
  ["2025-06-30T09:00:00Z", "sam", "/client invoice acme F-101 2400.00 EUR issued 2025-06-30 due 2025-07-30"],
  ["2025-08-25T10:00:00Z", "camille", "/client paid F-101 on 2025-08-25"],
  ["2025-08-31T09:00:00Z", "sam", "/client invoice acme F-102 1800.00 EUR issued 2025-08-31 due 2025-09-30"],
  ["2025-09-12T15:20:00Z", "sam", "/client scope acme asked for a blog section that is not in the quote"],
  ["2025-10-02T11:05:00Z", "lea", "/client advice acme refused accessible contrast on the buttons"],
  ["2025-10-20T10:00:00Z", "camille", "/client paid F-102 on 2025-10-20"],
  ["2025-10-31T09:00:00Z", "sam", "/client invoice acme F-103 3000.00 EUR issued 2025-10-31 due 2025-11-30"],
  [
    "2025-11-05T16:45:00Z",
    "sam",
    "/client conduct acme raised his voice at Sam on the phone about the homepage colours",
  ],
  ["2025-12-02T10:00:00Z", "camille", "/client paid F-103 1000.00 on 2025-12-02"],
  ["2025-12-05T09:10:00Z", "camille", "/client remind F-103"],
  ["2025-12-05T09:12:00Z", "camille", "/client reminded F-103"],
  ["2025-12-15T09:00:00Z", "sam", "/client invoice acme F-104 1200.00 EUR issued 2025-12-15 due 2026-01-14"],
  ["2025-12-20T14:00:00Z", "sam", "/client late acme F-103 partial payment only, no answer to our emails"],
  ["2026-01-05T09:00:00Z", "sam", "/client invoice acme F-105 600.00 EUR issued 2026-01-05 due 2026-02-04"],
  ["2026-01-12T09:00:00Z", "camille", "/client remind F-103"],
  ["2026-01-12T09:05:00Z", "camille", "/client reminded F-103"],
  ["2026-01-20T09:00:00Z", "camille", "/client reminded F-104"],
  ["2026-02-01T10:00:00Z", "camille", "/client paid F-105 on 2026-02-01"],
  ["2026-03-10T08:00:00Z", "camille", "/client offboard acme"],
  [
    "2026-03-10T08:05:00Z",
    "camille",
    'form wizard-form:1:1:conversation {"notes":"Called their director: payments must arrive on time and the team must be spoken to with respect, or we stop.","date":"2026-03-09"}',
  ],
  ["2026-03-10T08:10:00Z", "camille", "press wizard:1:2:done"],
  ["2026-03-10T08:12:00Z", "camille", "press wizard:1:3:reason:late"],
  ["2026-03-10T08:12:30Z", "camille", "press wizard:1:3:reason:conduct"],
  ["2026-03-10T08:15:00Z", "camille", "press wizard:1:3:done"],
  ["2026-03-10T08:20:00Z", "camille", "press wizard:1:4:done"],
  ["2026-03-10T08:22:00Z", "camille", 'form letter-sent-form:1:why {"date":"2026-03-10","channel":"email"}'],
  ["2026-03-10T08:25:00Z", "camille", "press wizard:1:5:chase"],
  ["2026-03-11T09:30:00Z", "camille", 'form letter-sent-form:1:next {"date":"2026-03-11","channel":"registered"}'],
  ["2026-03-20T09:00:00Z", "camille", "press wizard:1:6:record"],
  ["2026-03-20T09:05:00Z", "camille", "press wizard:1:7:nopost"],
  [
    "2026-03-20T09:10:00Z",
    "camille",
    'form wizard-form:1:8:lessons {"text":"Unusual payment terms at signing were the first sign\\nAsk for a deposit before starting"}',
  ],
];

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  for (const lang of ["en", "fr"] as const) {
    const files = await playAndExport(lang);
    for (const f of files) {
      await writeFile(path.join(out, f.filename), f.content);
      console.log(`wrote docs/examples/${f.filename}`);
    }
  }
}

async function playAndExport(lang: "en" | "fr") {
  const database = await openDatabase();
  const clock = new FixedClock(story[0]?.[0] ?? "2025-06-02T08:00:00Z");
  const core = createCore({
    db: database.db,
    clock,
    log: pino({ level: "silent" }),
    dataDir: path.join(root, "data"),
    commands: commandList(),
    actions: actionList(),
  });
  const run = async (who: string, line: string): Promise<Effect[]> => {
    const form = /^form (\S+) (.*)$/s.exec(line);
    const press = /^press (\S+)$/.exec(line);
    const input: InvocationInput = form
      ? { kind: "form", formId: form[1] ?? "", values: JSON.parse(form[2] ?? "{}") as Record<string, string> }
      : press
        ? { kind: "action", actionId: press[1] ?? "" }
        : { kind: "text", text: line.replace(/^\/client\s*/, "") };
    const invocation: Invocation = {
      platform: "console",
      workspaceId: "northwind",
      userId: who,
      userName: people[who] ?? who,
      channelId: "general",
      isDm: press !== null || form !== null,
      input,
      workspaceHints: {
        name: "Northwind Studio",
        ownerUserId: "camille",
        defaultChannelId: "general",
        timezone: "Europe/Paris",
      },
    };
    const { effects } = await core.handle(invocation);
    const refused = effects.find(
      (e) => e.type === "reply" && /Nothing was|n'a été|I don't know|unknown/i.test(e.message.fallback),
    );
    if (refused && "message" in refused) throw new Error(`"${line}" was refused: ${refused.message.fallback}`);
    return effects;
  };
  try {
    await run("camille", `/client config lang ${lang}`);
    for (const [when, who, line] of story) {
      clock.set(when);
      await run(who, line);
    }
    clock.set("2026-03-20T10:00:00Z");
    const effects = await run("camille", "/client export acme");
    const file = effects.find((e) => e.type === "file");
    if (file?.type !== "file") throw new Error("the export sent no file");
    return file.files;
  } finally {
    await database.close();
  }
}

await main();
