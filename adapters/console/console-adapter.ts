import { randomBytes } from "node:crypto";
import { mkdir, unlink } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import type { Core } from "../../src/core/create-core.ts";
import type { Effect } from "../../src/core/effects.ts";
import type { Invocation, InvocationInput } from "../../src/core/invocation.ts";
import type { Outbox } from "../../src/core/outbox.ts";
import { requestLog } from "../../src/core/request-log.ts";
import { type Catalog, catalogFor } from "../../src/messages/catalog.ts";
import type { Locale } from "../../src/messages/locale.ts";
import type { Form, FormField, Message } from "../../src/messages/message.ts";
import { type FileSystem, fileProblem, writeFileAtomically } from "../../src/write-file-atomically.ts";
import { renderText } from "./render-text.ts";

export const CONSOLE_WORKSPACE = "console";
export const CONSOLE_OWNER = "owner";
export const CONSOLE_CHANNEL = "general";

export interface ConsoleOptions {
  core: Core;
  /** Where lines go (stdout in `npm start`). */
  write: (line: string) => void;
  dataDir: string;
  timezone?: string | undefined;
  log?: Logger | undefined;
  /** The file system files are saved with (tests inject a full disk). */
  fs?: FileSystem | undefined;
}

/**
 * The console adapter: one line in, what the bot does out. `@name ` acts as that team
 * member; `press ID` presses a button; a form takes the next line from the same person.
 */
/** C0 and C1 control characters but tab and line feed: escape sequences a terminal would obey. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export class ConsoleAdapter {
  readonly #core: Core;
  readonly #write: (line: string) => void;
  readonly #dataDir: string;
  readonly #timezone: string | undefined;
  readonly #log: Logger | undefined;
  readonly #fs: FileSystem | undefined;
  /** Open forms by user: the next lines from that user fill the form, one field each. */
  readonly #forms = new Map<string, { form: Form; values: Record<string, string>; ask: FormField[] }>();
  /** Questions waiting for a yes or no, by user: the buttons that answer them. */
  readonly #questions = new Map<string, { confirm: string; cancel: string | undefined }>();

  constructor(options: ConsoleOptions) {
    this.#core = options.core;
    // Nothing typed reaches the terminal as a control sequence, even echoed in a refusal.
    this.#write = (line) => options.write(line.replace(TERMINAL_CONTROLS, "\uFFFD"));
    this.#dataDir = options.dataDir;
    this.#timezone = options.timezone;
    this.#log = options.log;
    this.#fs = options.fs;
  }

  /** Runs one line and prints every effect before resolving. */
  async handleLine(rawLine: string): Promise<void> {
    const line = rawLine.trim();
    if (line === "") return;
    const match = /^@(\S+)(?:\s+(.*))?$/s.exec(line);
    const user = match ? (match[1] ?? CONSOLE_OWNER) : CONSOLE_OWNER;
    const rest = (match ? (match[2] ?? "") : line).trim();
    const base = this.#invocation(user, { kind: "text", text: "" });
    if (rest === "") {
      const t = await this.#seen(user);
      this.#print({ type: "reply", message: { blocks: [], fallback: t.errors.nameOnly({ name: user }) } }, user);
      return;
    }
    // A question is answered by the next line of the person it asked, or not at all.
    const question = this.#questions.get(user);
    this.#questions.delete(user);
    const answer = question && yesOrNo(rest);
    const input: InvocationInput | undefined =
      answer === "yes" && question
        ? { kind: "action", actionId: question.confirm }
        : answer === "no" && question?.cancel
          ? { kind: "action", actionId: question.cancel }
          : await this.#inputFor(user, rest);
    if (!input) return;
    const { effects, locale } = await this.#core.handle({ ...base, input });
    try {
      for (const effect of effects) {
        // What follows a file that could not be saved would announce it: stop there.
        if (!(await this.#perform(effect, user, locale))) return;
      }
    } catch (error) {
      // The console keeps reading: one line that failed does not end the session.
      const ref = randomBytes(4).toString("hex");
      if (this.#log) requestLog(this.#log, { ...base, input }).error({ err: error, ref }, "console effect failed");
      this.#write(catalogFor(locale).errors.internal({ ref }));
    }
  }

  /** What an interactive start shows: the first three steps, where help is, and how to leave. */
  async welcome(): Promise<void> {
    const w = (await this.#seen(CONSOLE_OWNER)).home.welcome;
    for (const line of [w.title, ...w.steps, w.help, w.leave]) this.#write(line);
  }

  /** For the scheduler: the console has one workspace, and prints what is sent to it. */
  outbox(): Outbox {
    return {
      platform: "console",
      send: async (workspace, effect) => void (await this.#perform(effect, CONSOLE_OWNER, workspace.locale)),
    };
  }

  /** The workspace's language for a line of the console's own, the person recorded as seen. */
  async #seen(user: string): Promise<Catalog> {
    return catalogFor((await this.#core.handle(this.#invocation(user, { kind: "memberSeen" }))).locale);
  }

  async #inputFor(user: string, text: string): Promise<InvocationInput | undefined> {
    const command = /^\/client(?:\s+|$)(.*)$/is.exec(text);
    if (command) return { kind: "text", text: command[1] ?? "" };
    const press = /^press\s+(\S+)$/i.exec(text);
    if (press) return { kind: "action", actionId: press[1] ?? "" };
    const open = this.#forms.get(user);
    if (open) {
      const [field, ...rest] = open.ask;
      if (field) open.values[field.id] = text.replace(/\\n/g, "\n");
      const next = rest[0];
      if (next) {
        // The next required field: one line each.
        open.ask = rest;
        const t = await this.#seen(user);
        this.#write(t.console.formPrompt({ label: fieldLabel(next), user }));
        return undefined;
      }
      this.#forms.delete(user);
      return { kind: "form", formId: open.form.id, values: open.values };
    }
    const t = await this.#seen(user);
    this.#write(t.console.notACommand);
    return undefined;
  }

  #invocation(user: string, input: InvocationInput): Invocation {
    return {
      platform: "console",
      workspaceId: CONSOLE_WORKSPACE,
      userId: user,
      userName: user,
      channelId: CONSOLE_CHANNEL,
      isDm: false,
      input,
      workspaceHints: {
        name: "Console",
        ownerUserId: CONSOLE_OWNER,
        defaultChannelId: CONSOLE_CHANNEL,
        timezone: this.#timezone,
      },
    };
  }

  /** Performs one effect; false when it could not be (a file not saved), and the user was told. */
  async #perform(effect: Effect, user: string, locale: Locale): Promise<boolean> {
    const t = catalogFor(locale);
    switch (effect.type) {
      case "form": {
        // The first field, then each other required one: a line each (optional ones keep their start).
        const [first, ...others] = effect.form.fields;
        const ask = first ? [first, ...others.filter((f) => f.required)] : [];
        this.#forms.set(user, { form: effect.form, values: {}, ask });
        const field = first;
        const lines = [`[form ${effect.form.id}] ${effect.form.title}`];
        if (field?.initial && !field.choices) lines.push(...field.initial.split("\n").map((l) => `  | ${l}`));
        lines.push(t.console.formPrompt({ label: field ? fieldLabel(field) : "", user }));
        for (const l of lines) this.#write(l);
        return true;
      }
      case "file": {
        const dir = path.resolve(this.#dataDir, "exports");
        const saved: string[] = [];
        for (const f of effect.files) {
          const file = path.join(dir, path.basename(f.filename));
          try {
            await mkdir(dir, { recursive: true });
            // Whole or not at all: a full disk leaves no truncated record behind.
            await writeFileAtomically(file, f.content, { mode: 0o600, ...(this.#fs ? { fs: this.#fs } : {}) });
          } catch (error) {
            // The files go together: none is left without the others.
            for (const done of saved) await (this.#fs ?? { unlink }).unlink(done).catch(() => {});
            this.#log?.warn({ err: error, platform: "console" }, "could not save a file");
            this.#write(
              `[DM @${effect.userId}] ${t.console.fileFailed({ path: file, reason: fileFailure(t, error) })}`,
            );
            return false;
          }
          saved.push(file);
        }
        await effect.delivered?.();
        this.#print({ type: "dm", userId: effect.userId, message: effect.message }, user);
        for (const file of saved) this.#write(`[DM @${effect.userId}] ${t.console.savedFile({ path: file })}`);
        return true;
      }
      default: {
        this.#print(effect, user);
        const question = effect.type === "reply" || effect.type === "update" ? questionIn(effect.message) : undefined;
        if (question) {
          this.#questions.set(user, question);
          this.#write(t.console.confirmPrompt({ user }));
        }
        return true;
      }
    }
  }

  #print(effect: Effect, _user: string): void {
    if (effect.type === "form" || effect.type === "file") return;
    // The console asks a line at a time: what was refused is said, and the command typed again.
    if (effect.type === "formErrors") {
      for (const text of Object.values(effect.errors)) this.#write(text);
      return;
    }
    const prefix =
      effect.type === "post" ? `[#${effect.channelId}] ` : effect.type === "dm" ? `[DM @${effect.userId}] ` : "";
    const lines = effect.message.blocks.length > 0 ? renderText(effect.message) : [effect.message.fallback];
    for (const l of lines) this.#write(`${prefix}${l}`);
  }
}

/** The buttons that answer a question the message asks (a confirm button, maybe a cancel). */
function questionIn(message: Message): { confirm: string; cancel: string | undefined } | undefined {
  const buttons = message.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
  const confirm = buttons.find((b) => b.role === "confirm");
  return confirm && { confirm: confirm.id, cancel: buttons.find((b) => b.role === "cancel")?.id };
}

/** `yes`/`no` as typed, in English or French. */
function yesOrNo(text: string): "yes" | "no" | undefined {
  const word = text.trim().toLowerCase();
  if (["yes", "y", "oui", "o"].includes(word)) return "yes";
  if (["no", "n", "non"].includes(word)) return "no";
  return undefined;
}

/** Why a file could not be saved, in the reader's words. */
function fileFailure(t: Catalog, error: unknown): string {
  const problem = fileProblem(error);
  return typeof problem === "object" ? t.console.fileReasons.other(problem) : t.console.fileReasons[problem];
}

/** A field's label, with the values it takes when it is a choice. */
function fieldLabel(field: FormField): string {
  return field.choices ? `${field.label} (${field.choices.map((c) => c.value).join(", ")})` : field.label;
}
