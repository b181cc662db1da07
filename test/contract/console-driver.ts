import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach } from "vitest";
import { CONSOLE_OWNER, CONSOLE_WORKSPACE, ConsoleAdapter } from "../../adapters/console/console-adapter.ts";
import type { Core } from "../../src/core/create-core.ts";
import type { Form } from "../../src/messages/message.ts";
import { type Contract, commandText, type Driver, pressable, type Shown, tick, type Who } from "./driver.ts";

const NAMES: Record<Who, string> = { owner: CONSOLE_OWNER, member: "sam" };

/** The console adapter, a line at a time, over the contract's core; a new adapter per test. */
export function consoleDriver(c: Contract): Driver {
  let adapter: ConsoleAdapter;
  let output: string[] = [];
  /** The form each person was last asked to fill (the console prints its prompts, not its field ids). */
  const forms = new Map<string, Form>();
  let shown: Shown[] = [];
  beforeEach(() => {
    output = [];
    forms.clear();
    const core: Core = {
      ...c.h.core,
      handle: async (invocation) => {
        const handled = await c.h.core.handle(invocation);
        for (const e of handled.effects) if (e.type === "form") forms.set(invocation.userId, e.form);
        // The console has one screen: how an answer is shown is the core's word for it.
        shown = handled.effects.flatMap((e) =>
          e.type === "reply" ? ["private"] : e.type === "update" ? ["update"] : [],
        );
        return handled;
      },
    };
    adapter = new ConsoleAdapter({ core, write: (l) => output.push(l), dataDir: "/tmp/tact-test-data", log: c.log });
  });

  /** Types lines as someone; the lines printed in return that are not for someone else. */
  const type = async (who: Who, ...lines: string[]): Promise<string> => {
    const from = output.length;
    const prefix = who === "owner" ? "" : `@${NAMES[who]} `;
    for (const line of lines) await adapter.handleLine(`${prefix}${line}`);
    return output
      .slice(from)
      .filter((l) => !l.startsWith("[#") && (!l.startsWith("[DM @") || l.startsWith(`[DM @${NAMES[who]}] `)))
      .join("\n");
  };

  /** Lines printed with a prefix, a message per run of them (prefix removed). */
  const messages = (prefix: string): string[] => {
    const out: string[][] = [];
    output.forEach((line, i) => {
      if (!line.startsWith(prefix)) return;
      if (output[i - 1]?.startsWith(prefix)) out.at(-1)?.push(line.slice(prefix.length));
      else out.push([line.slice(prefix.length)]);
    });
    return out.map((lines) => lines.join("\n"));
  };

  return {
    name: "console",
    workspace: CONSOLE_WORKSPACE,
    ids: NAMES,
    names: NAMES,
    timezone: "UTC",
    teamChannel: "billing",
    shownAs: () => shown,
    send: (cmd, where = {}) => type(where.who ?? "owner", `/client ${commandText(cmd)}`),
    async press(actionId, where = {}) {
      const ids = output.flatMap((l) => [...l.matchAll(/\[press (\S+)\]/g)].map((m) => m[1] ?? ""));
      const id = ids.findLast(pressable(actionId));
      if (!id) throw new Error(`no button ${actionId} shown`);
      return type(where.by ?? where.who ?? "owner", `press ${id}`);
    },
    logMessage: (text, kind, where = {}) =>
      type(where.who ?? "owner", `/client quote acme ${kind} "${text}" from "Wile E."`),
    quoted: { authorId: null, author: "Wile E.", link: null },
    async submit(values, where = {}) {
      const who = where.who ?? "owner";
      const form = forms.get(NAMES[who]);
      if (!form) throw new Error(`no form open for ${who}`);
      forms.delete(NAMES[who]);
      // The console asks for the first field, then each other required one, a line each.
      const [first, ...others] = form.fields;
      const asked = first ? [first, ...others.filter((f) => f.required)] : [];
      return type(who, ...asked.map((f) => (values[f.id] ?? f.initial ?? "").replace(/\n/g, "\\n")));
    },
    dms: (who) => messages(`[DM @${NAMES[who]}] `),
    files: (who) =>
      output
        .map((l) => /^\[DM @(\S+)\] Saved to (.+)$/.exec(l))
        .filter((m) => m?.[1] === NAMES[who])
        .map((m) => ({ name: path.basename(m?.[2] ?? ""), bytes: readFileSync(m?.[2] ?? "") })),
    posted: (channel) => messages(`[#${channel}] `),
    tick: () => tick(c, adapter.outbox()),
    // A terminal notifies nobody; what must not reach it is a control sequence.
    pings: () => output.filter((l) => /[\u0000-\u0008\u000b-\u001f\u007f]/.test(l)),
    sent: () => output.join("\n"),
    mentions: {
      typed: "@channel @here @everyone <@U0SAM> <@&1150000000000000001>",
      shown: ["@channel @here @everyone <@U0SAM> <@&1150000000000000001>"],
    },
    received: (note) => note,
  };
}
