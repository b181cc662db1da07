import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { actionIdFromElement, renderMessage } from "../../adapters/slack/render-blocks.ts";
import { decodeOrigin, formValues, renderModal } from "../../adapters/slack/render-modal.ts";
import { escapeMrkdwn, fitEscaped, splitEscaped, textFromSlack } from "../../adapters/slack/slack-text.ts";
import { en } from "../../src/messages/en/index.ts";
import { message } from "../../src/messages/message.ts";

type Json = Record<string, unknown>;

describe("text crossing into Slack", () => {
  it("escapes &, < and > so no control sequence typed by a user survives", () => {
    expect(escapeMrkdwn("<!channel> & <@U123> <https://x|y>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt;",
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = escapeMrkdwn(s);
        return !out.includes("<") && !out.includes(">");
      }),
    );
  });

  it("turns Slack's control sequences in a command into plain text, keeping user and channel ids", () => {
    expect(textFromSlack("owner <@U024BE7LH|dana> <@U0SAM>")).toBe("owner <@U024BE7LH|dana> <@U0SAM>");
    expect(textFromSlack("channel <#C024BE7LR|billing>")).toBe("channel <#C024BE7LR|billing>");
    expect(textFromSlack("<!channel> <!here|here> <!everyone>")).toBe("@channel @here @everyone");
    expect(textFromSlack("<!subteam^S0614TZR7|@devs> see <https://acme.test/x|acme.test/x>")).toBe(
      "@devs see https://acme.test/x",
    );
    expect(textFromSlack("Smith &amp; Co &lt;!here&gt; 3 &gt; 2")).toBe("Smith & Co <!here> 3 > 2");
    expect(textFromSlack("mail <mailto:a@b.test|a@b.test>")).toBe("mail a@b.test");
  });

  it("cuts to a limit measured after escaping, visibly, and splits long text without losing any", () => {
    expect(fitEscaped("a&b".repeat(10), 12)).toBe("a&amp;ba…");
    expect(fitEscaped("short", 150)).toBe("short");
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 8, max: 60 }), (s, max) => {
        const pieces = splitEscaped(s, max);
        return (
          pieces.every((p) => p.length <= max) &&
          pieces.join("").replace(/\n/g, "") === escapeMrkdwn(s).replace(/\n/g, "")
        );
      }),
    );
  });
});

describe("neutral messages as Block Kit", () => {
  it("renders header, fields, context, divider, buttons, select and progress", () => {
    const m = message("Card")
      .header("ACME Corp")
      .fields([{ label: "late payment", value: "2 / 3" }], "Counts")
      .context("Client since 1 Jan")
      .divider()
      .buttons([{ id: "undo:1", label: "Undo", style: "danger" }])
      .progress(3, 8, "Step 3 of 8")
      .build();
    m.blocks.push({
      type: "select",
      id: "wizard:1:1:remind",
      placeholder: "Remind me in…",
      options: [{ label: "3 days", value: "3" }],
    });
    const [out, more] = renderMessage(m, en);
    expect(more).toBeUndefined();
    expect(out?.blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "context",
      "divider",
      "actions",
      "section",
      "actions",
    ]);
    expect(JSON.stringify(out?.blocks[1])).toContain('"*late payment*\\n2 / 3"');
    expect(out?.blocks[4]).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Undo" },
          action_id: "undo:1",
          value: "undo:1",
          style: "danger",
        },
      ],
    });
    expect(JSON.stringify(out?.blocks[5])).toContain("▰▰▰▰▱▱▱▱▱▱  Step 3 of 8");
  });

  it("keeps action ids unique in a message and reads the action back from the button's value", () => {
    const m = message("x")
      .buttons([{ id: "snooze:7", label: "Snooze" }])
      .buttons([{ id: "snooze:7", label: "Snooze" }])
      .build();
    const blocks = renderMessage(m, en)[0]?.blocks as unknown as Json[];
    const ids = blocks.flatMap((b) => (b.elements as Json[]).map((e) => e.action_id));
    expect(ids).toEqual(["snooze:7", "snooze:7~1"]);
    expect(actionIdFromElement({ type: "button", action_id: "snooze:7~1", value: "snooze:7" })).toBe("snooze:7");
    expect(actionIdFromElement({ type: "static_select", action_id: "pick:2~1", selected_option: { value: "9" } })).toBe(
      "pick:2:9",
    );
  });

  it("lists at most 100 choices in a menu and says how many were left out", () => {
    const m = message("x").build();
    m.blocks.push({
      type: "select",
      id: "pick",
      placeholder: "Pick",
      options: Array.from({ length: 130 }, (_, i) => ({ label: `Client ${i}`, value: String(i) })),
    });
    const blocks = renderMessage(m, en)[0]?.blocks as unknown as Json[];
    const menu = (blocks[0]?.elements as Json[] | undefined)?.[0];
    expect((menu?.options as Json[] | undefined)?.length).toBe(100);
    expect(JSON.stringify(blocks[1])).toContain("30 more choices not listed");
  });

  it("moves a field value too long for a field into sections of its own", () => {
    const m = message("x")
      .fields([{ label: "Letter", value: "word ".repeat(900) }])
      .build();
    const blocks = renderMessage(m, en)[0]?.blocks as unknown as Json[];
    expect(blocks.every((b) => b.fields === undefined)).toBe(true);
    expect(blocks.map((b) => ((b.text as Json).text as string).length).every((n) => n <= 3000)).toBe(true);
  });

  it("says what was left out when even ten messages are not enough", () => {
    const m = message("Long");
    for (let i = 0; i < 700; i++) m.text(`Line ${i}`);
    const out = renderMessage(m.build(), en, { maxMessages: 2 });
    expect(out).toHaveLength(2);
    expect(out[1]?.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(out[1]?.blocks.at(-1))).toContain("Slack can't show all of this at once");
    expect(out[1]?.text).toContain("(continued)");
  });
});

describe("forms as modals", () => {
  it("limits the title, marks optional fields, and carries the way back in private_metadata", () => {
    const view = renderModal(
      {
        id: "invoice:new",
        title: "Record an invoice for a client",
        submitLabel: "Save",
        fields: [
          { id: "number", label: "Number", multiline: false, required: true, maxLength: 40 },
          { id: "note", label: "Note", multiline: true, required: false },
        ],
      },
      {
        formId: "invoice:new",
        channelId: "C1",
        responseUrl: "https://hooks.slack.com/x",
        messageTs: "1.2",
        ephemeral: true,
      },
      en,
    );
    expect(view.title.text).toBe("Record an invoice for a…");
    expect((view.blocks as unknown as Json[]).map((b) => [b.block_id, b.optional])).toEqual([
      ["number", false],
      ["note", true],
    ]);
    expect(decodeOrigin(view.private_metadata)).toEqual({
      formId: "invoice:new",
      channelId: "C1",
      responseUrl: "https://hooks.slack.com/x",
      messageTs: "1.2",
      ephemeral: true,
      home: false,
    });
    expect(decodeOrigin("not json")).toBeUndefined();
  });

  it("joins the parts of a long text back in order, whatever order Slack lists them in", () => {
    expect(
      formValues({
        "text#1": { value: { value: "second" } },
        subject: { value: { value: "Hi" } },
        "text#0": { value: { value: "first" } },
        "text#2": { value: { value: null } },
      }),
    ).toEqual({ subject: "Hi", text: "first\nsecond" });
  });
});
