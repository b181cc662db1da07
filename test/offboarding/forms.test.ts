import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { useHarness } from "../support/harness.ts";
import { count, submit, text } from "./offboarding-support.ts";

const h = useHarness();

async function wizard() {
  const [row] = await queryRows<{ current_step: number; texts: Record<string, unknown> }>(
    h.db.db,
    sql`select current_step, texts from offboardings`,
  );
  return row;
}

async function started(): Promise<void> {
  await h.run("/client add acme ACME Corp");
  await h.run("/client offboard acme");
}

describe("what the owner writes in the wizard's forms", () => {
  it("refuses a conversation date that is not a real day, or in the future, and saves nothing", async () => {
    await started();
    for (const date of ["2026-02-30", "27/11/2026", "2026-11-28"]) {
      const said = text(await submit(h, "wizard-form:1:1:conversation", { notes: "We talked.", date }));
      expect(said).toBe(
        `"${date}" is not a date I can use: write it as YYYY-MM-DD, today or earlier. Nothing was saved.`,
      );
    }
    expect(text(await submit(h, "wizard-form:1:1:conversation", { notes: "  \n " }))).toContain("is empty");
    expect(await wizard()).toEqual({ current_step: 1, texts: {} });
  });

  it("takes the date from the start of a one-line note (the console), else today", async () => {
    await started();
    await submit(h, "wizard-form:1:1:conversation", { notes: "2026-11-20: lunch with Dana\u0007, frank talk" });
    expect((await wizard())?.texts.conversation).toMatchObject({
      on: "2026-11-20",
      notes: "lunch with Dana, frank talk",
    });
  });

  it("refuses a letter longer than a Slack text box, and too many lessons, saving nothing", async () => {
    await started();
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    await h.run("press wizard:1:2:done");
    const long = "x".repeat(3001);
    expect(text(await submit(h, "wizard-form:1:3:letter", { text: long }))).toBe(
      "The letter is too long: at most 3000 characters. Nothing was saved.",
    );
    expect((await wizard())?.current_step).toBe(3);

    for (const step of [3, 4, 5]) await h.run(`press wizard:1:${step}:done`);
    await h.run("press wizard:1:6:record");
    await h.run("press wizard:1:7:nopost");
    const lessons = Array.from({ length: 21 }, (_, i) => `lesson ${i + 1}`).join("\n");
    expect(text(await submit(h, "wizard-form:1:8:lessons", { text: lessons }))).toBe(
      "Lessons and warning signs, one per line: at most 20 lines. Nothing was saved.",
    );
    expect(await count(h.db.db, "incidents", "kind in ('flag', 'lesson')")).toBe(0);
    expect((await wizard())?.current_step).toBe(8);
  });

  it("saves each lesson as a lesson, its own kind, bullets and blank lines aside", async () => {
    await started();
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    for (const step of [2, 3, 4, 5]) await h.run(`press wizard:1:${step}:done`);
    await h.run("press wizard:1:6:record");
    await h.run("press wizard:1:7:nopost");
    const end = text(await submit(h, "wizard-form:1:8:lessons", { text: "- wanted a discount\n\n• no deposit\n" }));
    expect(end).toContain("Saved 2 lessons on the client's record.");
    const notes = await queryRows<{ kind: string; note: string }>(
      h.db.db,
      sql`select kind, note from incidents order by id`,
    );
    expect(notes).toEqual([
      { kind: "lesson", note: "wanted a discount" },
      { kind: "lesson", note: "no deposit" },
    ]);
  });

  it("never counts lessons toward risk, and turns lessons once stored as warning signs back into lessons", async () => {
    await started();
    const before = await h.say("/client show acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "We talked." });
    for (const step of [2, 3, 4, 5]) await h.run(`press wizard:1:${step}:done`);
    await h.run("press wizard:1:6:record");
    await h.run("press wizard:1:7:nopost");
    const lines = ["wanted a discount", "no deposit", "late brief", "scope unclear", "many calls"];
    await submit(h, "wizard-form:1:8:lessons", { text: lines.join("\n") });
    const after = await h.say("/client show acme");
    // Five lessons: no incident counted, the risk as it was.
    expect(after).toContain("No incidents recorded.");
    const risk = (card: string) => /^(?:Ok|Watch|At risk|Consider ending): .+$/m.exec(card)?.[0];
    expect(risk(after)).toBe(risk(before));
    expect(after).toContain("Lessons learned (not counted as incidents)");

    // Before migration 0004, the wizard stored them as warning signs; a teammate's own flag stays one.
    await h.run("/client flag acme no deposit", { user: "sam" });
    await h.db.db.execute(sql`update incidents set kind = 'flag' where kind = 'lesson'`);
    await h.db.db.execute(sql.raw(await readFile("db/migrations/0004_lessons_own_kind.sql", "utf8")));
    const kinds = await queryRows<{ kind: string; reporter_id: string }>(
      h.db.db,
      sql`select kind, reporter_id from incidents order by id`,
    );
    expect(kinds).toEqual([
      ...lines.map(() => ({ kind: "lesson", reporter_id: "owner" })),
      { kind: "flag", reporter_id: "sam" },
    ]);
  });
});
