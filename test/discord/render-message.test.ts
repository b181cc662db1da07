import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderForm } from "../../adapters/discord/render-form.ts";
import { type DiscordMessage, renderMessage } from "../../adapters/discord/render-message.ts";
import { en } from "../../src/messages/en/index.ts";
import { fr } from "../../src/messages/fr/index.ts";
import { type Block, type Message, message, textMessage } from "../../src/messages/message.ts";

const render = (m: Message, guildId?: string) => renderMessage(m, { t: en, guildId });
const buttons = (n: number, prefix = "b") =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}:${i}`, label: `Button ${i}` }));
const allButtons = (r: DiscordMessage) => r.components.flatMap((row) => row.components);

/** Every limit Discord enforces on a message. */
function expectWithinLimits(r: DiscordMessage): void {
  expect(r.allowed_mentions).toEqual({ parse: [] });
  expect(r.content.length).toBeLessThanOrEqual(2000);
  expect(r.embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const e of r.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value.length).toBeGreaterThan(0);
      total += f.name.length + f.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(6000);
  expect(r.components.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of r.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      if (!("custom_id" in c)) continue;
      expect(c.custom_id.length).toBeLessThanOrEqual(100);
      expect(ids.has(c.custom_id)).toBe(false);
      ids.add(c.custom_id);
      if ("label" in c) expect((c.label ?? "").length).toBeLessThanOrEqual(80);
      if ("options" in c) expect(c.options.length).toBeLessThanOrEqual(25);
    }
  }
  expect(JSON.stringify(r)).not.toMatch(/@(everyone|here)/);
}

describe("rendering messages for Discord", () => {
  it("sends a short confirmation as plain content, its context as small print, its buttons below", () => {
    const r = render(
      message("Logged")
        .text("Logged late payment for ACME.")
        .context("Undo within 10 minutes.")
        .buttons([{ id: "undo:7", label: "Undo" }])
        .build(),
    );
    expect(r.embeds).toEqual([]);
    expect(r.content).toBe("Logged late payment for ACME.\n-# Undo within 10 minutes.");
    expect(r.components).toEqual([
      { type: 1, components: [{ type: 2, custom_id: "undo:7", label: "Undo", style: 2 }] },
    ]);
  });

  it("sends a card as embeds: the header as title, short fields side by side, a new embed at each divider", () => {
    const r = render(
      message("Card")
        .header("ACME Corp")
        .fields([
          { label: "late payment", value: "2 / 3" },
          { label: "notes", value: "a long line\nacross two" },
        ])
        .divider()
        .text("What the playbook advises")
        .context("Computed today")
        .build(),
    );
    expect(r.content).toBe("");
    expect(r.embeds).toHaveLength(2);
    expect(r.embeds[0]).toMatchObject({
      title: "ACME Corp",
      fields: [
        { name: "late payment", value: "2 / 3", inline: true },
        { name: "notes", value: "a long line\nacross two", inline: false },
      ],
    });
    expect(r.embeds[1]).toMatchObject({ description: "What the playbook advises", footer: { text: "Computed today" } });
  });

  it("escapes markdown and mentions typed by users, but keeps the catalog's `code`", () => {
    const r = render(
      textMessage("**bold** _it_ [link](http://x) <@123> @everyone\n# not a heading\n- not a list `/client late acme`"),
    );
    expect(r.content).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\[link\\](http://x) \\<@123> @\u2060everyone\n\\# not a heading\n\\- not a list `/client late acme`",
    );
  });

  it("shortens an over-long text visibly", () => {
    const plain = render(textMessage("x".repeat(5000)));
    expect(plain.content.length).toBeLessThanOrEqual(2000);
    expect(plain.content).toContain("…");
    expect(plain.content).toContain("(shortened: Discord limits the length of a message)");

    const rich = render(message("t").header("Long").text("y".repeat(10_000)).build());
    expect(rich.embeds[0]?.description?.length).toBeLessThanOrEqual(4096);
    expect(rich.embeds[0]?.description).toContain("(shortened");
    expectWithinLimits(rich);
  });

  it("keeps 25 buttons and says how many more were left out", () => {
    const r = render(message("t").text("Many").buttons(buttons(30)).build());
    expect(allButtons(r)).toHaveLength(25);
    expect(r.content).toContain("5 more buttons are not shown here");
    expectWithinLimits(r);
  });

  it("cuts long button labels and drops a duplicate id", () => {
    const r = render(
      message("t")
        .text("x")
        .buttons([
          { id: "a:1", label: "L".repeat(120) },
          { id: "a:1", label: "again" },
        ])
        .build(),
    );
    const [first, ...rest] = allButtons(r);
    expect(rest).toEqual([]);
    expect(first && "label" in first ? first.label : "").toMatch(/^L{79}…$/);
    expect(r.content).toContain("1 more button is not shown");
  });

  it("puts the server in the ids of buttons and selects sent in a DM", () => {
    const m: Message = {
      fallback: "f",
      blocks: [
        { type: "actions", buttons: [{ id: "wizard:1:1:done", label: "Done", style: "primary" }] },
        {
          type: "select",
          id: "wizard:1:1:remind",
          placeholder: "Remind me",
          options: [{ label: "1 day", value: "1" }],
        },
      ],
    };
    const ids = render(m, "1110000000000000001").components.flatMap((row) =>
      row.components.map((c) => ("custom_id" in c ? c.custom_id : "")),
    );
    expect(ids).toEqual(["@1110000000000000001/wizard:1:1:done", "@1110000000000000001/wizard:1:1:remind"]);
  });

  it("renders a form as a modal within Discord's limits", () => {
    const modal = renderForm(
      {
        id: "wizard-form:1:4:letter",
        title: "The letter to the client, in writing, to keep",
        submitLabel: "Save",
        fields: Array.from({ length: 7 }, (_, i) => ({
          id: `f${i}`,
          label: i === 0 ? "What was said (start with the date, YYYY-MM-DD, if it wasn't today)" : `Field ${i}`,
          multiline: i === 0,
          required: true,
          initial: "z".repeat(5000),
          maxLength: 6000,
        })),
      },
      "1110000000000000001",
    );
    expect(modal.custom_id).toBe("@1110000000000000001/wizard-form:1:4:letter");
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.components).toHaveLength(5);
    const first = modal.components[0] as unknown as {
      label: string;
      description?: string;
      component: Record<string, unknown>;
    };
    expect(first.label.length).toBeLessThanOrEqual(45);
    expect(first.description).toBe("What was said (start with the date, YYYY-MM-DD, if it wasn't today)");
    expect(first.component).toMatchObject({ type: 4, custom_id: "f0", style: 2, required: true, max_length: 4000 });
    expect(String(first.component.value).length).toBe(4000);
  });

  it("says what was left out in the workspace's language", () => {
    const r = renderMessage(message("t").text("x").buttons(buttons(27)).build(), { t: fr });
    expect(r.content).toContain("2 boutons de plus ne sont pas affichés");
  });

  it("stays within every Discord limit, whatever the message", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", " ", "\n", "*", "@everyone ", "<@1>", "`", "é", "😀"),
      maxLength: 3000,
    });
    const id = fc.string({ unit: fc.constantFrom("a", "1", ":"), minLength: 1, maxLength: 110 });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant("header" as const), text }),
      fc.record({ type: fc.constant("section" as const), text }),
      fc.record({
        type: fc.constant("section" as const),
        fields: fc.array(fc.record({ label: text, value: text }), { maxLength: 30 }),
      }),
      fc.record({ type: fc.constant("context" as const), text }),
      fc.constant({ type: "divider" as const }),
      fc.record({
        type: fc.constant("actions" as const),
        buttons: fc.array(fc.record({ id, label: text }), { minLength: 1, maxLength: 12 }),
      }),
      fc.record({
        type: fc.constant("select" as const),
        id,
        placeholder: text,
        options: fc.array(fc.record({ label: text, value: id }), { maxLength: 30 }),
      }),
      fc.record({
        type: fc.constant("progress" as const),
        current: fc.integer({ min: -2, max: 12 }),
        total: fc.integer({ min: 0, max: 10 }),
        label: text,
      }),
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 25 }),
        text,
        fc.option(fc.constant("1110000000000000001")),
        (blocks, fallback, guild) => {
          expectWithinLimits(render({ blocks, fallback }, guild ?? undefined));
        },
      ),
      { numRuns: 150 },
    );
  });
});
