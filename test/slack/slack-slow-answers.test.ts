import { describe, expect, it } from "vitest";
import type { Core } from "../../src/core/create-core.ts";
import type { Invocation } from "../../src/core/invocation.ts";
import { MEMBER, useSlack } from "./slack-harness.ts";

/** Holds back the core's answer to requests whose text starts with one of these words. */
const slow = { words: new Set<string>(), ms: 60 };
const wrapCore = (core: Core): Core => ({
  ...core,
  async handle(invocation: Invocation) {
    const text = invocation.input.kind === "text" ? invocation.input.text : "";
    if (slow.words.has(text.split(" ")[0] ?? "")) await new Promise((r) => setTimeout(r, slow.ms));
    return core.handle(invocation);
  },
});

// The acknowledgement waits 20 ms for the answer here (2.5 s in production), so "slow" is 60 ms.
const s = useSlack({ wrapCore, ackWithinMs: 20 });

function via(responseUrl: string): { via: string | undefined; text: string }[] {
  const id = responseUrl.split("/").pop();
  return s.fake.responses.filter((r) => r.id === id).map((r) => ({ via: r.via, text: String(r.body.text) }));
}

describe("a slash command whose answer is not ready within the acknowledgement's window", () => {
  it("is acknowledged empty in time, then answered at its response_url", async () => {
    slow.words = new Set(["add"]);
    const { status, responseUrl } = await s.command("add acme ACME Corp");
    expect(status).toBe(200);
    expect(via(responseUrl)).toEqual([{ via: "response_url", text: expect.stringContaining("ACME Corp") }]);
  });

  it("answers with an ephemeral message when the response_url no longer works", async () => {
    slow.words = new Set(["late"]);
    await s.command("add acme ACME Corp");
    s.fake.responseUrlsExpired = true;
    await s.command("late acme", { user: MEMBER, channel: "C0PROJECTS" });
    const [ephemeral, ...more] = s.fake.callsTo("chat.postEphemeral");
    expect(more).toEqual([]);
    expect(ephemeral?.args).toMatchObject({ channel: "C0PROJECTS", user: MEMBER });
    expect(ephemeral?.args.text).toContain("Logged late payment for ACME Corp.");
  });

  it("sends the answer as a DM when neither the response_url nor an ephemeral message works", async () => {
    slow.words = new Set(["late"]);
    await s.command("add acme ACME Corp");
    s.fake.responseUrlsExpired = true;
    s.fake.failNext("chat.postEphemeral", "channel_not_found");
    await s.command("late acme", { user: MEMBER, channel: "C0PRIVATE" });
    const dm = s.fake.callsTo("chat.postMessage").at(-1);
    expect(dm?.args.channel).toBe("DU0SAM");
    expect(dm?.args.text).toContain("Logged late payment for ACME Corp.");
  });

  it("runs a person's next command after the previous one: /client late right after a slow /client add", async () => {
    slow.words = new Set(["add"]);
    slow.ms = 300;
    const added = s.command("add acme ACME Corp", { user: MEMBER });
    // Sent while the add is still being worked on (its acknowledgement already went, empty).
    await new Promise((r) => setTimeout(r, 50));
    const { responseUrl } = await s.command("late acme", { user: MEMBER });
    await added;
    slow.ms = 60;
    expect(
      via(responseUrl)
        .map((a) => a.text)
        .join("\n"),
    ).toContain("Logged late payment for ACME Corp.");
  });
});
