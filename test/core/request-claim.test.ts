import { describe, expect, it } from "vitest";
import { tableCounts } from "../support/db-counts.ts";
import { effectsText, invocation, useHarness } from "../support/harness.ts";

/**
 * A platform request (one with an id) is claimed, its workspace read and its member recorded
 * in one statement: each request applied once, and reporters named by their latest name.
 */
describe("requests with a platform id", () => {
  const h = useHarness();
  const send = async (line: string, user: string, name: string, requestId: string) =>
    effectsText(
      await h.handle({
        ...invocation(line, { user, platform: "slack", workspace: "T1" }),
        userName: name,
        requestId,
      }),
    );

  it("applies a resent request once and names the reporter by the name the platform gives", async () => {
    expect(await send("/client add acme ACME Corp", "U0", "Olivia", "r1")).toContain("ACME Corp");
    expect(await send("/client late acme first", "U7", "Sam", "r2")).toContain("Logged late payment");
    // The platform resends r2: nothing is applied or answered twice.
    expect(await send("/client late acme first", "U7", "Sam", "r2")).toBe("");
    expect((await tableCounts(h.db.db)).incidents).toBe(1);
    expect(await send("/client show acme", "U0", "Olivia", "r3")).toContain("Sam");

    // Sam renames themself on the platform: the record follows.
    await send("/client scope acme a blog", "U7", "Samantha", "r4");
    const card = await send("/client show acme", "U0", "Olivia", "r5");
    expect(card).toContain("Samantha");
    expect((await tableCounts(h.db.db)).incidents).toBe(2);
  });

  it("records a first-time member of a new workspace too", async () => {
    await send("/client add beta Beta Ltd", "U1", "Pat", "n1");
    await send("/client note beta kickoff went well", "U1", "Pat", "n2");
    expect(await send("/client show beta", "U1", "Pat", "n3")).toContain("Pat");
  });
});
