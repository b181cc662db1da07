import { describe, expect, it } from "vitest";
import type { Effect } from "../../src/core/effects.ts";
import { submit } from "../offboarding/offboarding-support.ts";
import { frenchProblems } from "../support/french-rules.ts";
import { effectsText, useHarness } from "../support/harness.ts";

/**
 * The French rules of the catalog test, on what Tact actually writes: a client whose name
 * starts with a vowel, invoices, payments and reminders on the first of the month, the whole
 * offboarding wizard with both letters, and the exported record (Markdown). What the people
 * typed (notes) is theirs and carries no punctuation here, so every problem found is Tact's.
 */
const story: [string, string][] = [
  ["2026-05-01T08:00:00Z", "/client config lang fr"],
  ["2026-05-01T08:01:00Z", "/client add orion Orion SARL"],
  ["2026-05-01T08:02:00Z", "/client terms orion law fr"],
  ["2026-05-01T08:03:00Z", "/client flag orion veut tout payer à la fin"],
  ["2026-05-01T08:04:00Z", "/client invoice orion F-1 2400.00 EUR issued 2026-05-01 due 2026-06-01"],
  ["2026-06-01T08:05:00Z", "/client invoice orion F-2 1800.00 EUR issued 2026-06-01 due 2026-07-01"],
  ["2026-07-01T08:00:00Z", "/client paid F-1 on 2026-07-01"],
  ["2026-07-01T08:10:00Z", "/client scope orion une section blog en plus"],
  ["2026-07-01T08:20:00Z", "/client conduct orion a haussé le ton au téléphone"],
  ["2026-08-01T08:00:00Z", "/client remind F-2"],
  ["2026-08-01T08:05:00Z", "/client reminded F-2"],
  ["2026-08-01T08:10:00Z", "/client show orion"],
  ["2026-08-01T08:11:00Z", "/client list"],
  ["2026-08-01T08:12:00Z", "/client invoices"],
  ["2026-08-01T08:13:00Z", "/client terms orion"],
  ["2026-08-01T08:14:00Z", "/client help"],
  ["2026-08-01T08:15:00Z", "/client help late"],
  ["2026-08-01T08:16:00Z", "/client digest"],
  ["2026-09-01T08:00:00Z", "/client offboard orion"],
  ["2026-09-01T08:05:00Z", "form wizard-form:1:1:conversation notes=Appel au directeur sans effet;date=2026-09-01"],
  ["2026-09-01T08:10:00Z", "press wizard:1:2:done"],
  ["2026-09-01T08:12:00Z", "press wizard:1:3:reason:late"],
  ["2026-09-01T08:13:00Z", "press wizard:1:3:reason:conduct"],
  ["2026-09-01T08:15:00Z", "press wizard:1:3:done"],
  ["2026-09-01T08:20:00Z", "press wizard:1:4:done"],
  ["2026-09-01T08:25:00Z", "press wizard:1:5:chase"],
  ["2026-09-01T09:00:00Z", "press wizard:1:6:record"],
  ["2026-09-01T09:05:00Z", "press wizard:1:7:nopost"],
  ["2026-09-01T09:10:00Z", "form wizard-form:1:8:lessons text=Demander un acompte"],
  ["2026-10-01T10:00:00Z", "/client export orion"],
];

describe("what Tact writes in French", () => {
  const h = useHarness("2026-05-01T08:00:00Z");

  it("follows the French rules everywhere: messages, the wizard's letters and the written record", async () => {
    const texts: string[] = [];
    const keep = (effects: Effect[]) => {
      texts.push(effectsText(effects));
      for (const e of effects) {
        if ("message" in e) texts.push(e.message.fallback);
        if (e.type === "file") for (const f of e.files) if (f.filename.endsWith(".md")) texts.push(String(f.content));
      }
    };
    for (const [when, line] of story) {
      h.clock.set(when);
      const form = /^form (\S+) (.*)$/.exec(line);
      if (form) {
        const values = Object.fromEntries((form[2] ?? "").split(";").map((kv) => kv.split("=") as [string, string]));
        keep(await submit(h, form[1] ?? "", values, { dm: true }));
      } else keep(await h.run(line, { dm: line.startsWith("press") }));
    }
    const all = texts.join("\n");
    // The story went through: both letters drafted, the record exported, dates on the 1st shown.
    expect(all).toContain("Dossier écrit\u00a0: Orion SARL");
    expect(all).toContain("Se séparer d'Orion SARL");
    expect(all).toContain("1er septembre 2026");
    expect(all).toContain("Aucune");
    const problems = texts.flatMap((t) => frenchProblems(t, ["Orion SARL"]));
    expect([...new Set(problems)]).toEqual([]);
  });
});
