import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildClientCommand, commandCharacters } from "../../adapters/discord/command-registration.ts";
import { buildMessageCommand } from "../../adapters/discord/message-command.ts";
import { clientArg, noteArg, optional } from "../../src/commands/args.ts";
import { configSettings } from "../../src/commands/config/config-registry.ts";
import { type CommandDef, defineCommand } from "../../src/commands/define-command.ts";
import { commandList } from "../../src/commands/registry.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { FakeDiscordApi } from "./fake-discord-api.ts";
import { APP_ID } from "./payloads.ts";

type Option = {
  type: number;
  name: string;
  description: string;
  description_localizations?: Record<string, string>;
  required?: boolean;
  autocomplete?: boolean;
  choices?: unknown[];
  max_length?: number;
  options?: Option[];
};

const command = buildClientCommand(commandList());
const subcommands = (command.options ?? []) as Option[];
const sub = (name: string) => subcommands.find((o) => o.name === name);

describe("the /client command Discord registers", () => {
  it("is one chat command with a subcommand per verb of the core, in guilds", () => {
    expect(command).toMatchObject({ name: "client", type: 1, contexts: [0], integration_types: [0] });
    const verbs = subcommands.flatMap((s) => (s.type === 2 && s.name !== "config" ? (s.options ?? []) : [s]));
    expect(verbs.map((s) => s.name).sort()).toEqual(
      commandList()
        .map((c) => c.name)
        .sort(),
    );
    expect(verbs.every((s) => s.type === 1 || s.name === "config")).toBe(true);
    // The everyday verbs stay at the top: `/client late`, `/client show`.
    expect(sub("late")?.type).toBe(1);
    expect(sub("show")?.type).toBe(1);
  });

  it("types each argument: client and invoice with autocomplete, required ones first", () => {
    const late = sub("late");
    expect(late?.description).toBe("log a late payment");
    expect(late?.description_localizations?.fr).toBeTruthy();
    // The client may be left out: in a channel linked to a client, that client is meant.
    expect(late?.options?.map((o) => [o.name, o.type, o.required, o.autocomplete ?? false])).toEqual([
      ["client", 3, false, true],
      ["invoice", 3, false, true],
      ["note", 3, false, false],
    ]);
    // Required options first, as Discord wants them: scope's note before its client.
    expect(sub("scope")?.options?.map((o) => [o.name, o.required])).toEqual([
      ["note", true],
      ["client", false],
    ]);
    expect(late?.options?.find((o) => o.name === "note")?.max_length).toBe(2000);
  });

  it("makes each /client config setting a subcommand with typed options (a change: register again after upgrading)", () => {
    const config = sub("config");
    expect(config?.type).toBe(2);
    expect(config?.options?.map((o) => o.name)).toEqual(["show", ...configSettings.map((s) => s.name)]);
    // Each option as `name`, `!` when required, and how many choices it offers.
    const options = (setting: string) =>
      config?.options
        ?.find((o) => o.name === setting)
        ?.options?.map((o) => `${o.name}${o.required ? "!" : ""}${o.choices ? `(${o.choices.length})` : ""}`);
    expect(options("show")).toEqual([]);
    expect(options("lang")).toEqual(["lang!(2)"]);
    expect(options("quiet")).toEqual(["quiet(2)"]);
    expect(options("terms")).toEqual(["law(5)", "rate", "fee", "hosted(2)", "stages", "term"]);
  });

  it("stays within Discord's limits", () => {
    expect(subcommands.length).toBeLessThanOrEqual(25);
    const all = (opts: Option[]): Option[] => opts.flatMap((o) => [o, ...all(o.options ?? [])]);
    for (const option of all(subcommands)) {
      expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(option.description.length).toBeGreaterThan(0);
      expect(option.description.length).toBeLessThanOrEqual(100);
      expect((option.options ?? []).length).toBeLessThanOrEqual(25);
      expect(option.autocomplete && option.choices).toBeFalsy();
    }
    expect(commandCharacters(command)).toBeLessThanOrEqual(8000);
  });

  it("moves the largest groups into subcommand groups past 25 verbs, and keeps option names lowercase", () => {
    const many: CommandDef[] = Array.from({ length: 30 }, (_, i) =>
      defineCommand({
        name: `verb${i}`,
        group: i < 20 ? "invoices" : "other",
        args: { client: clientArg(), dueDate: optional(noteArg()) },
        help: () => ({ summary: `verb ${i}`, details: "" }),
        examples: [],
        handler: async () => [],
      }),
    );
    const built = buildClientCommand(many);
    const top = (built.options ?? []) as Option[];
    expect(top.length).toBeLessThanOrEqual(25);
    const group = top.find((o) => o.type === 2);
    expect(group?.name).toBe("billing");
    expect(group?.options).toHaveLength(20);
    expect(group?.options?.[0]?.options?.map((o) => o.name)).toEqual(["client", "due-date"]);
  });
});

describe.skipIf(repeatedInPostgresPass)("npm run discord:register", () => {
  const api = new FakeDiscordApi();
  beforeAll(() => api.start());
  beforeEach(() => api.reset());
  afterAll(() => api.stop());

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/discord-register.ts", ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        DISCORD_TOKEN: "test-bot-token",
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: api.url,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  }

  it("puts the derived command globally, with the bot token", async () => {
    const res = await run([]);
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Registered /client with");
    const [put] = api.find("PUT", `/applications/${APP_ID}/commands`);
    expect(put?.auth).toBe("Bot test-bot-token");
    expect(put?.body).toEqual([JSON.parse(JSON.stringify(command)), JSON.parse(JSON.stringify(buildMessageCommand()))]);
    // "Log to Tact" in a message's Apps menu: a message command (type 3), in servers, named in French too.
    expect(put?.body).toContainEqual({
      type: 3,
      name: "Log to Tact",
      name_localizations: { fr: "Noter dans Tact" },
      contexts: [0],
      integration_types: [0],
    });
  });

  it("puts it in one server with --guild, and refuses a bad id", async () => {
    const res = await run(["--guild", "1110000000000000001"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("available now");
    expect(api.find("PUT", `/applications/${APP_ID}/guilds/1110000000000000001/commands`)).toHaveLength(1);
    const bad = await run(["--guild", "acme"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--guild needs the server's id: 17 to 20 digits");
  });
});
