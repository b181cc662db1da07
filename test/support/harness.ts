import { randomBytes } from "node:crypto";
import pino, { type Logger } from "pino";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { ConsoleAdapter } from "../../adapters/console/console-adapter.ts";
import { renderText } from "../../adapters/console/render-text.ts";
import { FixedClock } from "../../src/clock.ts";
import { type Core, createCore } from "../../src/core/create-core.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { Invocation, InvocationInput } from "../../src/core/invocation.ts";
import { createSecretBox } from "../../src/secrets/secret-box.ts";
import { everyCommand } from "./every-command.ts";
import { openTestDatabase, type TestDatabase } from "./test-database.ts";

export const silentLog = pino({ level: "silent" });

export interface Harness {
  db: TestDatabase;
  clock: FixedClock;
  core: Core;
  /** Runs one invocation through the core; returns the effects. */
  handle(invocation: Invocation): Promise<Effect[]>;
  /** Runs a `/client …` line (or `press ID`) as a user of a workspace; returns the effects. */
  run(line: string, as?: As): Promise<Effect[]>;
  /** Like run, then the effects as console text (one string). */
  say(line: string, as?: As): Promise<string>;
  /** Console adapter over the same core, printing into `output`. */
  console(): { adapter: ConsoleAdapter; output: string[] };
}

export interface As {
  user?: string;
  workspace?: string;
  platform?: Invocation["platform"];
  dm?: boolean;
  channel?: string;
}

/**
 * One database per test file, emptied before each test, and a core on a fixed clock.
 * Call at the top of a describe block or file.
 */
export function useHarness(start = "2026-11-27T10:00:00Z", options: { log?: Logger } = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.db = await openTestDatabase();
    h.clock = new FixedClock(start);
    h.core = createCore({
      db: h.db.db,
      clock: h.clock,
      log: options.log ?? silentLog,
      dataDir: "/tmp/tact-test-data",
      // A key of the test's own: stored secrets are sealed as in production.
      secrets: createSecretBox(randomBytes(32)),
      ...everyCommand,
    });
  });
  beforeEach(async () => {
    await h.db.reset();
    h.clock.set(start);
  });
  afterAll(async () => {
    await h.db?.close();
  });
  h.handle = async (invocation) => (await h.core.handle(invocation)).effects;
  h.run = (line, as = {}) => h.handle(invocation(line, as));
  h.say = async (line, as = {}) => effectsText(await h.run(line, as));
  h.console = () => {
    const output: string[] = [];
    const adapter = new ConsoleAdapter({ core: h.core, write: (l) => output.push(l), dataDir: "/tmp/tact-test-data" });
    return { adapter, output };
  };
  return h;
}

export function invocation(line: string, as: As = {}): Invocation {
  const user = as.user ?? "owner";
  const text = line.replace(/^\/client\s*/, "");
  const press = /^press\s+(\S+)$/.exec(line);
  const input: InvocationInput = press ? { kind: "action", actionId: press[1] ?? "" } : { kind: "text", text };
  return {
    platform: as.platform ?? "console",
    workspaceId: as.workspace ?? "console",
    userId: user,
    userName: user,
    channelId: as.channel ?? "general",
    isDm: as.dm ?? false,
    input,
    workspaceHints: { ownerUserId: "owner", defaultChannelId: "general" },
  };
}

/** Effects as the console would print them (without prefixes), joined by newlines. */
export function effectsText(effects: Effect[]): string {
  return effects
    .map((e) =>
      "message" in e
        ? renderText(e.message).join("\n")
        : e.type === "form"
          ? e.form.title
          : e.type === "formErrors"
            ? Object.values(e.errors).join("\n")
            : "",
    )
    .join("\n");
}
