import { describe, expect, it } from "vitest";
import type { Core } from "../../src/core/create-core.ts";
import { dm, type Effect, post, reply, update } from "../../src/core/effects.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { createLogger } from "../../src/log.ts";
import { type Form, textMessage } from "../../src/messages/message.ts";
import { useDiscord } from "./discord-test-setup.ts";
import {
  APP_ID,
  buttonPress,
  CHANNEL,
  GUILD,
  groupedCommand,
  MEMBER,
  modalSubmit,
  OWNER,
  slashCommand,
} from "./payloads.ts";

/** The core, except that a test may script the next answer and hold it back. */
const script: { next?: ((invocation: Invocation) => Promise<Effect[]>) | undefined } = {};
const seen: Invocation[] = [];
/** Every log line (JSON), through the production logger. */
const logs: string[] = [];
const d = useDiscord({
  deferAfterMs: 200,
  log: createLogger({ level: "info", stream: { write: (line: string) => void logs.push(line) } }),
  wrapCore: (core): Core => ({
    ...core,
    handle(invocation) {
      seen.push(invocation);
      const next = script.next;
      script.next = undefined;
      return next ? next(invocation).then((effects) => ({ effects, locale: "en" as const })) : core.handle(invocation);
    },
  }),
});

/** An answer the test releases when it is ready: the adapter must defer meanwhile. */
function heldAnswer(): { release: (effects: Effect[]) => void } {
  let release: (effects: Effect[]) => void = () => undefined;
  const held = new Promise<Effect[]>((resolve) => {
    release = resolve;
  });
  script.next = () => held;
  return { release: (effects) => release(effects) };
}

const answer = (effects: Effect[]) => {
  script.next = async () => effects;
};

const form: Form = {
  id: "wizard-form:1:1:conversation",
  title: "The conversation",
  submitLabel: "Save",
  fields: [{ id: "notes", label: "What was said", multiline: true, required: true }],
};

function dataOf(body: Record<string, unknown> | undefined): Record<string, unknown> {
  return (body?.data ?? {}) as Record<string, unknown>;
}

const original = (token: string) => `/webhooks/${APP_ID}/${token}/messages/@original`;

describe("answering Discord interactions", () => {
  it("hands the core a neutral invocation: server, user, channel, options by argument, the interaction id", async () => {
    seen.length = 0;
    const payload = slashCommand("late", { client: "acme", invoice: "INV-7" }, { user: MEMBER, name: "Sam" });
    answer([]);
    await d.send(payload);
    expect(seen[0]).toMatchObject({
      platform: "discord",
      workspaceId: GUILD,
      userId: MEMBER,
      userName: "Sam",
      channelId: CHANNEL,
      isDm: false,
      requestId: payload.id,
      input: { kind: "options", verb: "late", options: { client: "acme", invoice: "INV-7" } },
      workspaceHints: { name: "Studio Nord", ownerUserId: OWNER },
    });
  });

  it("reads a verb inside a subcommand group as that verb", async () => {
    seen.length = 0;
    answer([]);
    await d.send(groupedCommand("billing", "paid", { invoice: "INV-7", amount: "1200,50" }));
    expect(seen[0]?.input).toEqual({ kind: "options", verb: "paid", options: { invoice: "INV-7", amount: "1200,50" } });
  });

  it("reads a form submitted in a DM as the server's, with its values", async () => {
    seen.length = 0;
    answer([]);
    await d.send(modalSubmit(`@${GUILD}/wizard-form:1:1:conversation`, { notes: "We talked" }, { dm: true }));
    expect(seen[0]).toMatchObject({
      workspaceId: GUILD,
      isDm: true,
      channelId: `9${OWNER}`,
      input: { kind: "form", formId: "wizard-form:1:1:conversation", values: { notes: "We talked" } },
    });
  });

  it("defers a slow command privately, then puts the answer in place of the 'thinking' message", async () => {
    const held = heldAnswer();
    const payload = slashCommand("show", { client: "acme" });
    const first = await d.sendNoWait(payload);
    expect(first.body).toEqual({ type: 5, data: { flags: 64 } });
    held.release([reply(textMessage("Here it is"))]);
    await d.adapter.idle();
    const edit = d.api.find("PATCH", original(payload.token));
    expect(edit).toHaveLength(1);
    expect(edit[0]?.body).toMatchObject({ content: "Here it is", allowed_mentions: { parse: [] } });
    expect(edit[0]?.auth).toBeUndefined();
    expect(d.api.find("POST", /^\/webhooks\//)).toEqual([]);
  });

  it("counts Discord's 3 s from the request's arrival: a slow server lookup for a DM button is deferred in time", async () => {
    const guild = "1110000000000000077"; // a server not looked up yet
    d.api.addGuild({ id: guild, name: "Atelier Sud", owner_id: OWNER, members: [MEMBER] });
    d.api.guildLookupDelayMs = 500; // the lookups alone outlast the deferral deadline (200 ms here)
    answer([update(textMessage("Done"))]);
    const payload = buttonPress(`@${guild}/undo:1`, { user: MEMBER, dm: true });
    const first = await d.sendNoWait(payload);
    expect(first.body).toEqual({ type: 6 });
    await d.adapter.idle();
    expect(d.api.find("PATCH", original(payload.token))[0]?.body).toMatchObject({ content: "Done" });
  });

  it("says a command it does not know is unknown or out of date, not that a button expired", async () => {
    const res = await d.send({ ...slashCommand("help"), data: { id: "1", name: "tact-old", type: 1, options: [] } });
    expect(res.body).toMatchObject({ type: 4, data: { flags: 64 } });
    const content = String(dataOf(res.body).content);
    expect(content).toContain("unknown or out of date");
    expect(content).toContain("registering again");
    expect(content).not.toContain("button");
    const fr = await d.send({
      ...slashCommand("help", {}, { locale: "fr", dm: true }),
      data: { id: "1", name: "tact-old", type: 1, options: [] },
    });
    expect(String(dataOf(fr.body).content)).toContain("inconnue ou périmée");
  });

  it("defers a slow button as an update, then edits the message that held it", async () => {
    const held = heldAnswer();
    const payload = buttonPress("undo:1");
    const first = await d.sendNoWait(payload);
    expect(first.body).toEqual({ type: 6 });
    held.release([update(textMessage("Updated")), reply(textMessage("Also this"))]);
    await d.adapter.idle();
    expect(d.api.find("PATCH", original(payload.token))[0]?.body).toMatchObject({ content: "Updated" });
    const followUp = d.api.find("POST", `/webhooks/${APP_ID}/${payload.token}`);
    expect(followUp[0]?.body).toMatchObject({ content: "Also this", flags: 64 });
  });

  it("opens a form as a modal when it is the first answer", async () => {
    answer([dm(OWNER, textMessage("ignored")), { type: "form", form }]);
    const res = await d.send(buttonPress("wizard:1:1:conversation"));
    expect(res.body).toMatchObject({
      type: 9,
      data: { custom_id: "wizard-form:1:1:conversation", title: "The conversation" },
    });
  });

  it("offers a button for a form that could not open in time, which then opens it", async () => {
    const held = heldAnswer();
    const payload = slashCommand("offboard", { client: "acme" });
    await d.sendNoWait(payload);
    held.release([{ type: "form", form }]);
    await d.adapter.idle();
    const prompt = d.api.find("PATCH", original(payload.token))[0]?.body as Record<string, unknown>;
    expect(prompt.content).toContain("The form could not open in time");
    const button = JSON.stringify(prompt.components).match(/"custom_id":"(~form:[0-9a-f]+)"/)?.[1] ?? "";
    expect(button).not.toBe("");

    const other = await d.send(buttonPress(button, { user: MEMBER }));
    expect(JSON.stringify(other.body)).toContain("This button has expired");
    const opened = await d.send(buttonPress(button));
    expect(opened.body).toMatchObject({ type: 9, data: { custom_id: "wizard-form:1:1:conversation" } });
  });

  it("answers a form submitted with another form by a button that opens it", async () => {
    answer([{ type: "form", form }]);
    const res = await d.send(modalSubmit("wizard-form:1:1:skip", { reason: "x" }, {}, false));
    expect(res.body?.type).toBe(4);
    expect(JSON.stringify(res.body)).toContain("~form:");
  });

  it("tells the invoker when a channel refuses the bot's post", async () => {
    d.api.forbiddenChannels.add("1160000000000000009");
    answer([reply(textMessage("Posting the digest.")), post("1160000000000000009", textMessage("Digest"))]);
    const res = await d.send(slashCommand("help", {}));
    expect(dataOf(res.body).content).toBe("Posting the digest.");
    const notice = d.api.find("POST", /^\/webhooks\//)[0]?.body;
    expect(notice).toMatchObject({
      content: expect.stringContaining("I couldn't post in <#1160000000000000009>"),
      flags: 64,
    });
  });

  it("logs a refused post with the platform, the server, the interaction and the command, the error whole and no token", async () => {
    logs.length = 0;
    d.api.forbiddenChannels.add("1160000000000000009");
    answer([post("1160000000000000009", textMessage("Digest"))]);
    const payload = slashCommand("help", {});
    await d.send(payload);
    const line = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.err);
    expect(line).toMatchObject({
      platform: "discord",
      workspace: GUILD,
      requestId: payload.id,
      command: "help",
      err: { status: 403, code: 50001, stack: expect.stringContaining("Missing Access") },
    });
    // Neither the bot's token (a header) nor the interaction's (in the webhook URL) is logged.
    expect(logs.join("\n")).not.toContain("test-bot-token");
    expect(logs.join("\n")).not.toContain(payload.token);
  });

  it("tells the invoker when a DM cannot be delivered", async () => {
    d.api.closedDms.add(OWNER);
    answer([dm(OWNER, textMessage("Private"))]);
    const res = await d.send(slashCommand("offboard", { client: "acme" }));
    expect(dataOf(res.body).content).toContain("I couldn't send the direct message");
    expect(dataOf(res.body).flags).toBe(64);
  });

  it("announces and records a file only once Discord took it (issue 19)", async () => {
    let delivered = 0;
    const exported = (): Effect[] => [
      {
        type: "file",
        userId: OWNER,
        files: [{ filename: "acme-record.md", content: "# ACME", contentType: "text/markdown" }],
        message: textMessage("The record"),
        delivered: async () => void delivered++,
      },
      reply(textMessage("I sent you the record in a direct message.")),
    ];
    d.api.closedDms.add(OWNER);
    answer(exported());
    const refused = await d.send(slashCommand("export", { client: "acme" }));
    expect(dataOf(refused.body).content).toContain("I couldn't send the direct message");
    expect(JSON.stringify(d.api.find("POST", /^\/webhooks\//))).not.toContain("I sent you the record");
    expect(delivered).toBe(0);

    d.api.closedDms.delete(OWNER);
    answer(exported());
    const sent = await d.send(slashCommand("export", { client: "acme" }));
    expect(delivered).toBe(1);
    expect(dataOf(sent.body).content).toBe("I sent you the record in a direct message.");
  });

  it("acknowledges a command with nothing to say and leaves no 'thinking' message behind", async () => {
    answer([]);
    const payload = slashCommand("help", {});
    const res = await d.send(payload);
    expect(res.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(d.api.find("DELETE", original(payload.token))).toHaveLength(1);
  });

  it("runs nothing and says so when Discord cannot tell who owns a new server", async () => {
    d.api.guildLookupFailure = 503;
    seen.length = 0;
    const other = "1110000000000000777";
    const res = await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }, { user: MEMBER, guild: other }));
    expect(dataOf(res.body).content).toContain("Discord didn't answer in time");
    // Only the server's language was asked: no request ran, no workspace was created.
    expect(seen.map((i) => i.input.kind)).toEqual(["memberSeen"]);
  });
});
