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

  it("says once per line that a command is the owner's, in English and in French", async () => {
    const english = await h.say("/client help");
    expect(english).toContain("/client connect stripe|xero: connect an invoice source (Owner only.)");
    await h.run("/client config lang fr");
    const french = await h.say("/client help");
    for (const line of `${english}\n${french}`.split("\n")) {
      expect(line.match(/owner only|responsable\)|réservé au responsable/gi)?.length ?? 0, line).toBeLessThanOrEqual(1);
    }
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
