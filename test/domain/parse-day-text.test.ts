import { describe, expect, it } from "vitest";
import { dayPhraseLength, parseDayText } from "../../src/domain/parse-day-text.ts";
import { createFormatter } from "../../src/messages/format.ts";

const today = "2026-11-29";

describe("days as people type them", () => {
  it.each(["en", "fr"] as const)("reads back every day Tact writes in %s", (locale) => {
    const fmt = createFormatter(locale, "UTC");
    for (let month = 1; month <= 12; month++) {
      for (const day of [1, 9, 28]) {
        const iso = `2027-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        expect(parseDayText(fmt.date(iso), { locale, today })).toEqual({ ok: true, day: iso });
      }
    }
  });

  it.each([
    ["today", "2026-11-29"],
    ["Yesterday", "2026-11-28"],
    ["tomorrow", "2026-11-30"],
    ["aujourd’hui", "2026-11-29"],
    ["hier", "2026-11-28"],
    ["+30d", "2026-12-29"],
    ["+30j", "2026-12-29"],
    ["+2w", "2026-12-13"],
    ["in 30 days", "2026-12-29"],
    ["dans 30 jours", "2026-12-29"],
    ["dans 2 semaines", "2026-12-13"],
    ["3 days ago", "2026-11-26"],
    ["il y a 3 jours", "2026-11-26"],
    ["1st March 2027", "2027-03-01"],
    ["1er mars 2027", "2027-03-01"],
    ["March 1, 2027", "2027-03-01"],
    ["15 AOUT 2026", "2026-08-15"],
    ["15 Sept 2026", "2026-09-15"],
  ])("%s", (text, day) => {
    expect(parseDayText(text, { locale: "en", today })).toEqual({ ok: true, day });
  });

  it("reads 15/08/2026 day first in French, and refuses it in English with both readings", () => {
    expect(parseDayText("15/08/2026", { locale: "fr", today })).toEqual({ ok: true, day: "2026-08-15" });
    expect(parseDayText("15.08.2026", { locale: "fr", today })).toEqual({ ok: true, day: "2026-08-15" });
    expect(parseDayText("15/08/2026", { locale: "en", today })).toEqual({
      ok: false,
      problem: "ambiguous",
      readings: ["2026-08-15"],
    });
    expect(parseDayText("03/08/2026", { locale: "en", today })).toEqual({
      ok: false,
      problem: "ambiguous",
      readings: ["2026-08-03", "2026-03-08"],
    });
    expect(parseDayText("31/02/2026", { locale: "fr", today })).toEqual({ ok: false, problem: "nonexistent" });
  });

  it("says what is missing", () => {
    expect(parseDayText("15 Aug", { locale: "en", today })).toMatchObject({ problem: "noYear" });
    expect(parseDayText("2026-02-30", { locale: "en", today })).toMatchObject({ problem: "nonexistent" });
    expect(parseDayText("+9999d", { locale: "en", today })).toMatchObject({ problem: "tooFar" });
    expect(parseDayText("soon", { locale: "en", today })).toMatchObject({ problem: "format" });
  });

  it("takes no property of a JavaScript object for a day word or a month (found by fuzzing)", () => {
    for (const text of ["__proto__", "constructor", "1 constructor 2026", "toString 1 2026", "1 __proto__"]) {
      expect(parseDayText(text, { locale: "en", today })).toMatchObject({ ok: false, problem: "format" });
    }
  });

  it("counts the words of a date phrase in a command", () => {
    expect(dayPhraseLength(["15", "Aug", "2026", "issued", "1"])).toBe(3);
    expect(dayPhraseLength(["Aug", "1,", "2026"])).toBe(3);
    expect(dayPhraseLength(["in", "30", "days"])).toBe(3);
    expect(dayPhraseLength(["2026-08-15", "issued"])).toBe(1);
    expect(dayPhraseLength(["15", "issued"])).toBe(1);
  });
});
