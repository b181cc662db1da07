import { describe, expect, it } from "vitest";
import { effectsText, useHarness } from "./support/harness.ts";

const h = useHarness();
const A = { workspace: "T-ALPHA", platform: "slack" as const };
const B = { workspace: "T-BRAVO", platform: "slack" as const };

describe("workspace isolation", () => {
  it("never shows one workspace's clients or incidents to another", async () => {
    await h.run("/client add acme ACME Corp", { ...A, user: "owner" });
    await h.run("/client late acme secret note from alpha", { ...A, user: "sam" });

    expect(await h.say("/client list", { ...B, user: "owner" })).toContain("No clients yet");
    expect(await h.say("/client show acme", { ...B, user: "owner" })).toContain('I don\'t know a client called "acme"');
    const suggestion = await h.say("/client late acmee", { ...B, user: "owner" });
    expect(suggestion).not.toContain("ACME Corp");

    // The same slug may exist in both; each sees only its own record.
    await h.run("/client add acme Acme of Bravo", { ...B, user: "owner" });
    const cardB = await h.say("/client show acme", { ...B, user: "owner" });
    expect(cardB).toContain("Acme of Bravo");
    expect(cardB).not.toContain("secret note from alpha");
    expect(await h.say("/client show acme", { ...A, user: "owner" })).toContain("secret note from alpha");
  });

  it("keeps the same platform id on two platforms apart", async () => {
    await h.run("/client add acme ACME Corp", { workspace: "X1", platform: "slack" });
    expect(await h.say("/client list", { workspace: "X1", platform: "discord" })).toContain("No clients yet");
  });

  it("refuses an undo button forged with another workspace's incident id", async () => {
    await h.run("/client add acme ACME Corp", A);
    const logged = effectsText(await h.run("/client late acme", { ...A, user: "sam" }));
    const id = /\[press (undo:\d+)\]/.exec(logged)?.[1];
    expect(await h.say(`press ${id}`, { ...B, user: "sam" })).toContain("nothing to undo");
    expect(await h.say("/client show acme", A)).toContain("late payment: 1 / 1");
  });
});
