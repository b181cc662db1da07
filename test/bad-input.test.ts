import { describe, expect, it } from "vitest";
import { tableCounts } from "./support/db-counts.ts";
import { effectsText, useHarness } from "./support/harness.ts";

const h = useHarness();

describe("bad input gets a clear message and writes nothing", () => {
  it.each([
    ["/client", "/client late acme"],
    ["/client frobnicate acme", "/client help"],
    ["/client late", "Missing client"],
    ["/client late acmee", 'I don\'t know a client called "acmee"'],
    ["/client scope acme", "Missing note"],
    [`/client scope acme ${"x".repeat(2001)}`, "at most 2000"],
    ["/client scope acme bad\u0000byte", "control characters"],
    ["/client add ACME Shouting Inc", "lowercase"],
    ["/client add a_b Under Score", "lowercase"],
    ["/client add acme Someone Else", "already taken by ACME Corp"],
    ["/client alias acme acme", "already refers to ACME Corp"],
    ["/client rename nobody New Name", 'client called "nobody"'],
    [`/client rename acme ${"n".repeat(101)}`, "at most 100"],
    ["/client show nobody", 'client called "nobody"'],
  ])("%s", async (line, fragment) => {
    await h.run("/client add acme ACME Corp");
    const before = await tableCounts(h.db.db);
    const effects = await h.run(line, { user: "sam" });
    expect(effects).toHaveLength(1);
    expect(effects[0]?.type).toBe("reply");
    expect(effectsText(effects)).toContain(fragment);
    expect(await tableCounts(h.db.db)).toEqual(before);
  });

  it("never creates an unknown client silently, and names the closest ones", async () => {
    await h.run("/client add acme ACME Corp");
    await h.run("/client add globex Globex Corporation");
    await h.run("/client add initech Initech");
    const text = await h.say("/client late acmee");
    expect(text).toContain("Did you mean acme (ACME Corp)?");
    expect(text).not.toContain("initech");
    expect(text).toContain("/client add acmee <display name>");
    expect((await tableCounts(h.db.db)).clients).toBe(3);
  });

  it("suggests by alias and display name too", async () => {
    await h.run("/client add globex Globex Corporation");
    await h.run("/client alias globex gbx");
    expect(await h.say("/client late globexcorp")).toContain("globex (Globex Corporation)");
    expect(await h.say("/client late gbxx")).toContain("globex (Globex Corporation)");
  });

  it("shows an unknown client with no near match without a misleading suggestion", async () => {
    await h.run("/client add acme ACME Corp");
    const text = await h.say("/client late zzzzzzzz");
    expect(text).not.toContain("Did you mean");
    expect(text).toContain("/client add zzzzzzzz <display name>");
  });

  it("stores user text as given (mentions and markup included)", async () => {
    await h.run("/client add acme ACME Corp");
    const note = "<!channel> @everyone '; drop table clients; -- « ça » 🙂 שלום";
    await h.run(`/client note acme ${note}`);
    expect(await h.say("/client show acme")).toContain(note);
  });
});
