import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/run-console.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness();

async function script(lines: string[]): Promise<string[]> {
  const { adapter, output } = h.console();
  const input = new PassThrough();
  input.end(`${lines.join("\n")}\n`);
  await runConsole({ adapter, input, output: new PassThrough(), interactive: false });
  return output;
}

describe("console adapter", () => {
  it("acts as the named member with @name, and as the owner without it", async () => {
    const out = await script(["/client add acme ACME Corp", "@sam /client late acme", "/client show acme"]);
    expect(out.join("\n")).toContain("· by sam");
    expect(await h.say("/client config lang fr", { user: "sam" })).toContain("Only the workspace owner (owner)");
  });

  it("ignores empty lines and explains a line that is not a command", async () => {
    const out = await script(["", "   ", "hello there"]);
    expect(out).toEqual(["Commands start with /client (try /client help), or press a button with: press <id>."]);
  });

  it("refuses @name with no command", async () => {
    const out = await script(["@sam"]);
    expect(out).toEqual(['"@sam" needs a command after it, for example `@sam /client late acme`.']);
  });

  it("prints channel posts and direct messages with their prefixes", async () => {
    const { adapter, output } = h.console();
    const outbox = adapter.outbox();
    const to = { externalId: "console", locale: "en" } as const;
    await outbox.send(to, {
      type: "post",
      channelId: "general",
      message: { blocks: [{ type: "section", text: "Digest line" }], fallback: "Digest line" },
    });
    await outbox.send(to, {
      type: "dm",
      userId: "owner",
      message: {
        blocks: [
          { type: "section", text: "Private" },
          { type: "actions", buttons: [{ id: "wiz:1:done", label: "Done" }] },
        ],
        fallback: "Private",
      },
    });
    expect(output).toEqual(["[#general] Digest line", "[DM @owner] Private", "[DM @owner] [press wiz:1:done] Done"]);
  });
});
