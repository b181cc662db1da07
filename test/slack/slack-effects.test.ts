import { beforeEach, describe, expect, it } from "vitest";
import type { Core } from "../../src/core/create-core.ts";
import { dm, type Effect, post, reply, update } from "../../src/core/effects.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { createLogger } from "../../src/log.ts";
import { message, textMessage } from "../../src/messages/message.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

/**
 * The adapter performs whatever effects the core returns, so these tests script the core's
 * answer to a few inputs (every other input goes to the real core) and check the wire.
 */
const script = new Map<string, (inv: Invocation) => Effect[]>();
const seen: Invocation[] = [];

function scripted(core: Core): Core {
  return {
    ...core,
    async handle(inv) {
      seen.push(inv);
      const i = inv.input;
      const key =
        i.kind === "text" ? i.text : i.kind === "action" ? i.actionId : i.kind === "form" ? `form:${i.formId}` : "";
      const answer = script.get(key);
      return answer ? { effects: answer(inv), locale: "en" } : core.handle(inv);
    },
  };
}

/** Every log line (JSON), through the production logger. */
const logs: string[] = [];
const s = useSlack({
  wrapCore: scripted,
  log: createLogger({ level: "info", stream: { write: (line: string) => void logs.push(line) } }),
});

beforeEach(() => {
  script.clear();
  seen.length = 0;
});

const letter = Array.from(
  { length: 70 },
  (_, i) => `Paragraph ${i + 1}: ${"we will hand over the site files. ".repeat(3)}`,
).join("\n");

describe("effects performed through the Slack Web API", () => {
  it("opens a form as a modal and brings the submitted values back to the core", async () => {
    script.set("edit letter", () => [
      {
        type: "form",
        form: {
          id: "letter:7:3",
          title: "Edit the letter to ACME Corporation",
          submitLabel: "Save",
          fields: [
            { id: "subject", label: "Subject", multiline: false, required: true, initial: "Our collaboration" },
            { id: "text", label: "Letter", multiline: true, required: true, initial: letter, maxLength: 12000 },
          ],
        },
      },
    ]);
    script.set("form:letter:7:3", (inv) => [
      reply(textMessage(`saved ${inv.input.kind === "form" ? JSON.stringify(inv.input.values) : ""}`)),
    ]);
    const { triggerId, responseUrl } = await s.command("edit letter");
    const [open] = s.fake.callsTo("views.open");
    expect(open?.args.trigger_id).toBe(triggerId);
    const view = open?.args.view as Json;
    expect((view.title as Json).text).toBe("Edit the letter to ACME…");
    const inputs = view.blocks as Json[];
    // A 7,000-character letter does not fit one Slack input (3,000): it is spread over several.
    expect(inputs.map((b) => b.block_id)).toEqual(["subject", "text#0", "text#1", "text#2"]);
    expect(inputs.every((b) => String(((b.element as Json).initial_value as string) ?? "").length <= 3000)).toBe(true);
    const label = inputs[1]?.label as Json | undefined;
    expect(label?.text).toBe("Letter (part 1 of 3)");

    const values = Object.fromEntries(
      inputs.map((b) => [b.block_id as string, (b.element as Json).initial_value as string]),
    );
    expect(await s.submit(view.private_metadata as string, values)).toBe(200);
    const submitted = seen.at(-1)?.input;
    expect(submitted).toEqual({
      kind: "form",
      formId: "letter:7:3",
      values: { subject: "Our collaboration", text: letter },
    });
    // The answer goes back where the form was asked for.
    const answer = s.fake.responses.find((r) => responseUrl.endsWith(r.id) && String(r.body.text).startsWith("saved"));
    expect(answer?.body.response_type).toBe("ephemeral");
  });

  it("says so privately when the modal could not open in time", async () => {
    script.set("slow form", () => [
      {
        type: "form",
        form: {
          id: "f:1",
          title: "Form",
          submitLabel: "OK",
          fields: [{ id: "a", label: "A", multiline: false, required: true }],
        },
      },
    ]);
    s.fake.failNext("views.open", "expired_trigger_id");
    await s.command("slow form");
    expect(s.fake.responses.at(-1)?.body.text).toContain("The form took too long to open");
  });

  it("posts in a channel, escaped, and tells the invoker privately when Slack refuses the post", async () => {
    script.set("announce", () => [
      post("C0BILLING", textMessage("Paid: Smith & Co <!channel>")),
      reply(textMessage("done")),
    ]);
    await s.command("announce");
    const [posted] = s.fake.callsTo("chat.postMessage");
    expect(posted?.args).toMatchObject({ channel: "C0BILLING", text: "Paid: Smith &amp; Co &lt;!channel&gt;" });

    s.fake.failNext("chat.postMessage", "not_in_channel");
    await s.command("announce");
    const texts = s.fake.responses.map((r) => String(r.body.text));
    expect(texts.some((t) => t.includes("I couldn't post in C0BILLING: I'm not a member of that channel"))).toBe(true);
    expect(texts.at(-1)).toBe("done");
  });

  it("logs a refused post with the platform, the workspace, the request and the command, the error whole and no token", async () => {
    script.set("announce", () => [post("C0BILLING", textMessage("Paid"))]);
    logs.length = 0;
    s.fake.failNext("chat.postMessage", "not_in_channel");
    const { triggerId } = await s.command("announce");
    const line = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.err);
    expect(line).toMatchObject({
      platform: "slack",
      workspace: TEAM,
      requestId: triggerId,
      command: "announce",
      err: { code: "slack_webapi_platform_error", stack: expect.stringContaining("not_in_channel") },
    });
    expect(logs.join("\n")).not.toContain("xoxb-test-token");
  });

  it("logs a request that failed in the adapter with the same fields, its error whole", async () => {
    script.set("explode", () => {
      throw new Error("the adapter broke");
    });
    logs.length = 0;
    const { triggerId } = await s.command("explode");
    const line = logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.err);
    expect(line).toMatchObject({
      msg: "Slack listener failed",
      platform: "slack",
      workspace: TEAM,
      requestId: triggerId,
      command: "explode",
      // Bolt wraps it (its own stack) and keeps it as `original`: logged as the cause, stack and all.
      err: { message: "the adapter broke", cause: { stack: expect.stringContaining("slack-effects.test.ts") } },
    });
  });

  it("posts in the channel the command came from through its response_url, visible to everyone there", async () => {
    script.set("share", () => [post("C0PRIVATE", textMessage("For the team"))]);
    await s.command("share", { channel: "C0PRIVATE" });
    expect(s.fake.responses.at(-1)?.body).toMatchObject({ response_type: "in_channel", text: "For the team" });
    expect(s.fake.callsTo("chat.postMessage")).toEqual([]);
  });

  it("sends a DM by opening the conversation first", async () => {
    script.set("ping owner", () => [dm(OWNER, textMessage("A private word"))]);
    await s.command("ping owner", { user: MEMBER });
    expect(s.fake.callsTo("conversations.open").map((c) => c.args.users)).toContain(OWNER);
    const sent = s.fake.callsTo("chat.postMessage").at(-1);
    expect(sent?.args).toMatchObject({ channel: `D${OWNER}`, text: "A private word" });
  });

  it("updates the message holding the button: chat.update for a posted one, response_url for an ephemeral one", async () => {
    script.set("step:1:done", () => [update(textMessage("Step 1 done"))]);
    await s.press("step:1:done", { channel: `D${OWNER}`, messageTs: "1700000000.000042" });
    const [updated] = s.fake.callsTo("chat.update");
    expect(updated?.args).toMatchObject({ channel: `D${OWNER}`, ts: "1700000000.000042", text: "Step 1 done" });

    await s.press("step:1:done", { ephemeral: true });
    expect(s.fake.responses.at(-1)?.body).toMatchObject({ replace_original: true, text: "Step 1 done" });
  });

  it("uploads the files to the person's DM with the external upload pair, bytes as they are", async () => {
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe2, 0x82, 0xac, 0x00, 0xff]);
    script.set("export acme", () => [
      {
        type: "file",
        userId: OWNER,
        files: [
          { filename: "acme-record.md", content: "# ACME\n\nThe record.", contentType: "text/markdown" },
          { filename: "acme-record.pdf", content: pdf, contentType: "application/pdf" },
        ],
        message: textMessage("Your record"),
      },
    ]);
    await s.command("export acme");
    const urls = s.fake.callsTo("files.getUploadURLExternal").map((c) => c.args);
    expect(urls).toEqual([
      expect.objectContaining({ filename: "acme-record.md", length: "19" }),
      expect.objectContaining({ filename: "acme-record.pdf", length: "10" }),
    ]);
    const [md, sent] = [...s.fake.uploadedBytes.values()];
    expect(md?.toString("utf8")).toBe("# ACME\n\nThe record.");
    expect([...(sent ?? [])]).toEqual([...pdf]);
    const completed = s.fake.callsTo("files.completeUploadExternal");
    expect(completed.map((c) => c.args.channel_id)).toEqual(completed.map(() => `D${OWNER}`));
    expect(completed.flatMap((c) => (c.args.files as { title: string }[]).map((f) => f.title))).toEqual([
      "acme-record.md",
      "acme-record.pdf",
    ]);
  });

  it("announces and records a file only once Slack took all of it", async () => {
    let delivered = 0;
    script.set("export acme", () => [
      {
        type: "file",
        userId: OWNER,
        files: [{ filename: "acme-record.md", content: "# ACME", contentType: "text/markdown" }],
        message: textMessage("Your record"),
        delivered: async () => void delivered++,
      },
      reply(textMessage("I sent you the record in a direct message.")),
    ]);
    const said = () => s.fake.responses.map((r) => (r.body as Json).text);
    s.fake.failNext("files.completeUploadExternal", "file_upload_failed");
    await s.command("export acme");
    expect(delivered).toBe(0);
    expect(said()).not.toContain("I sent you the record in a direct message.");
    expect(said().at(-1)).toMatch(/^I couldn't send the file/);

    await s.command("export acme");
    expect(delivered).toBe(1);
    expect(said().at(-1)).toBe("I sent you the record in a direct message.");
  });

  it("tells the core a command came from the bot's own DM, and not from a DM between two people", async () => {
    script.set("where", () => []);
    await s.command("where", { channel: `D${OWNER}` });
    expect(seen.at(-1)?.isDm).toBe(true);
    await s.command("where", { channel: "D0SOMEONE" });
    expect(seen.at(-1)?.isDm).toBe(false);
    await s.command("where", { channel: "C0GENERAL" });
    expect(seen.at(-1)?.isDm).toBe(false);
  });

  it("continues a message longer than Slack allows instead of failing, cutting only titles", async () => {
    const long = message("Report").header(`Report ${"x".repeat(200)}`);
    for (let i = 0; i < 60; i++) long.text(`Line ${i}: ${"overdue ".repeat(40)}`);
    long.text("y".repeat(7000));
    script.set("long", () => [post("C0BILLING", long.build())]);
    await s.command("long");
    const posts = s.fake.callsTo("chat.postMessage").map((c) => c.args.blocks as Json[]);
    expect(posts.length).toBeGreaterThan(1);
    for (const blocks of posts) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) {
        const text = (b.text as Json | undefined)?.text as string | undefined;
        if (text) expect(text.length).toBeLessThanOrEqual(b.type === "header" ? 150 : 3000);
      }
    }
    const header = posts[0]?.[0] as Json;
    expect(((header.text as Json).text as string).endsWith("…")).toBe(true);
    const all = posts.flat().map((b) => ((b.text as Json | undefined)?.text as string | undefined) ?? "");
    expect(all.filter((t) => t.startsWith("Line ")).length).toBe(60);
    expect(all.join("").replace(/[^y]/g, "").length).toBe(7000);
  });
});
