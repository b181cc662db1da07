import { beforeEach } from "vitest";
import type { Outbox } from "../../src/core/outbox.ts";
import { createLogger } from "../../src/log.ts";
import { runTick, type TickReport } from "../../src/scheduler/run-tick.ts";
import { type Harness, useHarness } from "../support/harness.ts";

/** The two people of every workspace: its owner, and a member of the team. */
export type Who = "owner" | "member";

export interface Where {
  who?: Who;
  /** In a direct message with the bot instead of the team's channel. */
  dm?: boolean;
}

/** A command as typed (`late acme a note`) and as Discord's options carry it (`late client:acme note:…`). */
export interface Command {
  verb: string;
  /** Arguments in the order they are typed; the last one may hold spaces. */
  args: Record<string, string>;
  /** Discord's subcommand group holding the verb (`/client billing paid`). */
  group?: string;
  /** The typed form when it is not the arguments in order (keywords: `due 2026-10-15`). */
  text?: string;
}

export const command = (verb: string, args: Record<string, string> = {}, more: Partial<Command> = {}): Command => ({
  verb,
  args,
  ...more,
});

export const commandText = (c: Command): string => c.text ?? [c.verb, ...Object.values(c.args)].join(" ");

/** A button's id is the one wanted, or starts with it when it ends with `:` (`undo-do:` for `undo-do:7`). */
export const pressable = (wanted: string) => (id: string) =>
  id === wanted || (wanted.endsWith(":") && id.startsWith(wanted));

/** How an answer reached the person who asked: only to them, in place of the message they acted on, or for all. */
export type Shown = "private" | "update" | "public";

/**
 * One adapter, driven as its platform drives it: over the wire for Slack and Discord (signed
 * requests in the documented shapes, the local fakes of their APIs), line by line for the
 * console. Text comes back as people read it (entities and markdown escapes undone).
 */
export interface Driver {
  readonly name: "console" | "slack" | "discord";
  /** The workspace's id on the platform (`workspaces.external_id`). */
  readonly workspace: string;
  /** Each person's id on the platform. */
  readonly ids: Record<Who, string>;
  /** Each person's name as the platform gives it, and the workspace's time zone. */
  readonly names: Record<Who, string>;
  readonly timezone: string;
  /** The channel team posts go to, as the platform names it. */
  readonly teamChannel: string;
  /** How each answer of the last request reached the person who made it. */
  shownAs(): Shown[];
  /** `/client …` sent by someone; everything they are shown in return (answers, updates, DMs). */
  send(c: Command, where?: Where): Promise<string>;
  /**
   * Presses the button `actionId` (see `pressable`) on the last message that showed it to
   * `where.who`, or to everyone in a channel; `by` presses it instead (a forged press). What the
   * presser is shown.
   */
  press(actionId: string, where?: Where & { by?: Who }): Promise<string>;
  /**
   * Logs a message the client wrote (`text`) as an incident of `kind` against acme: "Log to Tact" on
   * it and its form on Slack and Discord; `/client quote` on the console, which has no message to
   * point at. What the reporter is shown.
   */
  logMessage(text: string, kind: string, where?: Where): Promise<string>;
  /** The logged message's author as stored (null: the console knows only a name) and shown, and its link. */
  readonly quoted: { authorId: string | null; author: string; link: string | null };
  /** Fills the form last opened for `where.who` (values by field id) and submits it. What they are shown. */
  submit(values: Record<string, string>, where?: Where): Promise<string>;
  /** Every direct message someone received, as text. */
  dms(who: Who): string[];
  /** Files someone received (in a DM; saved to disk by the console), in order. */
  files(who: Who): { name: string; bytes: Buffer }[];
  /** Every message posted in a channel (not a DM), as text. */
  posted(channel: string): string[];
  /** One scheduler tick with this adapter's outbox. */
  tick(): Promise<TickReport>;
  /** What, of everything sent, could notify someone (empty when nothing can). */
  pings(): string[];
  /** Everything sent to the platform, raw, for leak checks. */
  sent(): string;
  /** A note as this platform delivers what people type: mentions in its own syntax. */
  readonly mentions: { typed: string; shown: string[] };
  /** What the core receives of a note typed on the platform. */
  received(note: string): string;
}

export interface Contract {
  h: Harness;
  /** Every log line (JSON) of the core and adapters during the test. */
  logs: string[];
  log: ReturnType<typeof createLogger>;
}

/** One database for the file, emptied before each test, and a core logging into `logs` as in production. */
export function useContract(): Contract {
  const logs: string[] = [];
  const log = createLogger({ level: "debug", stream: { write: (line: string) => void logs.push(line) } });
  const h = useHarness("2026-11-27T10:00:00Z", { log });
  beforeEach(() => {
    logs.length = 0;
  });
  return { h, logs, log };
}

export const tick = (c: Contract, outbox: Outbox): Promise<TickReport> =>
  runTick({ db: c.h.db.db, clock: c.h.clock, log: c.log, outboxes: [outbox] });

/** Keys of a platform's message that hold no text anyone reads. */
const UNREAD = new Set([
  "type",
  "response_type",
  "response_action",
  "action_id",
  "block_id",
  "custom_id",
  "style",
  "channel",
  "ts",
]);

/** Every string in a JSON message, one per line: what a person can read of it. */
export function strings(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(strings).filter(Boolean).join("\n");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .filter(([key]) => !UNREAD.has(key))
      .map(([, v]) => strings(v))
      .filter(Boolean)
      .join("\n");
  }
  return "";
}
