import { describe, expect, it } from "vitest";
import { commandList } from "../src/commands/registry.ts";
import { useHarness } from "./support/harness.ts";

const h = useHarness();

describe("help", () => {
  it("lists every command with a summary", async () => {
    const text = await h.say("/client help");
    for (const command of commandList()) expect(text).toContain(`/client ${command.name}`);
    expect(text).toContain("log a late payment");
  });

  it("explains one command with its usage and examples", async () => {
    const text = await h.say("/client help late");
    expect(text).toContain("Usage: /client late <client> [invoice number] [note]");
    expect(text).toContain("/client late acme INV-7");
  });

  it("says so for an unknown topic", async () => {
    expect(await h.say("/client help frobnicate")).toContain('There is no help for "frobnicate"');
  });

  it("is in French once the workspace speaks French", async () => {
    await h.run("/client config lang fr");
    const text = await h.say("/client help late");
    expect(text).toContain("Syntaxe : /client late <client> [numéro de facture] [note]");
    expect(text).toContain("Noter un retard de paiement.");
  });
});
