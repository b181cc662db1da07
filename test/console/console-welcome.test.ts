import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../adapters/console/run-console.ts";
import { useHarness } from "../support/harness.ts";

const h = useHarness();

async function session(lines: string[], interactive: boolean): Promise<string[]> {
  const { adapter, output } = h.console();
  const input = new PassThrough();
  const ended = runConsole({ adapter, input, output: new PassThrough(), interactive });
  input.end(`${lines.join("\n")}\n`);
  await ended;
  return output;
}

describe("the console's start", () => {
  it.each([
    {
      lang: "en",
      steps: [
        "1. Add a client: /client add acme ACME Corp",
        "2. Choose the channel for the morning digest: /client config channel #billing",
        "3. Set your currency: /client config currency EUR",
      ],
      leave: "Type exit or quit to leave.",
    },
    {
      lang: "fr",
      steps: [
        "1. Ajoutez un client\u00a0: /client add acme ACME Corp",
        "2. Choisissez le canal du récapitulatif du matin\u00a0: /client config channel #facturation",
        "3. Choisissez votre devise\u00a0: /client config currency EUR",
      ],
      leave: "Tapez exit ou quit pour quitter.",
    },
  ])("shows the three first steps when interactive ($lang), and leaves at exit", async (c) => {
    if (c.lang === "fr") await h.run("/client config lang fr");
    const out = await session(["/client add acme ACME Corp", "exit", "/client add globex Globex"], true);
    expect(out.slice(1, 4)).toEqual(c.steps);
    expect(out).toContain(c.leave);
    const text = out.join("\n");
    expect(text).toContain("ACME Corp");
    // Nothing after `exit` ran.
    expect(text).not.toContain("Globex");
    expect(await h.say("/client list")).not.toContain("Globex");
  });

  it("leaves at quit too, and shows no welcome to a script", async () => {
    const out = await session(["/client add acme ACME Corp", "QUIT", "/client add globex Globex"], false);
    expect(out.join("\n")).not.toContain("1. Add a client");
    expect(out.join("\n")).not.toContain("Globex");
  });

  it("answers the welcome's help button with the help", async () => {
    expect(await h.say("press help")).toContain("/client late");
  });
});
