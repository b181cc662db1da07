import { describe, expect, it } from "vitest";
import { useHarness } from "./support/harness.ts";

const h = useHarness();

describe("workspace language", () => {
  it("switches every reply to French, for the owner only", async () => {
    expect(await h.say("/client config lang fr", { user: "sam" })).toContain("Only the workspace owner");
    expect(await h.say("/client config lang fr")).toBe("Tact parle désormais français dans cet espace.");
    await h.run("/client add acme ACME Corp");
    expect(await h.say("/client late acme", { user: "sam" })).toContain(
      "C'est noté : retard de paiement pour ACME Corp.",
    );
    expect(await h.say("/client late acmee")).toContain("Je ne connais pas de client « acmee »");
    const card = await h.say("/client show acme");
    expect(card).toContain("retard de paiement : 1 / 1");
    expect(card).toMatch(/27 nov\. 2026/);
    expect(card).toContain("sans doute une erreur de comptabilité");
    expect(await h.say("/client config lang en")).toBe("Tact now speaks English in this workspace.");
  });

  it("audits a refused owner-only attempt and changes nothing", async () => {
    await h.run("/client config lang fr", { user: "sam" });
    expect(await h.say("/client help")).toContain("Log an incident");
  });

  it("refuses an unknown language with the choices", async () => {
    expect(await h.say("/client config lang de")).toContain("Expected one of: en, fr");
  });

  it("shows the settings", async () => {
    const text = await h.say("/client config");
    expect(text).toContain("Language: English — /client config lang en|fr");
    expect(text).toContain("Owner: owner — /client config owner @user");
  });

  it("names the setting that does not exist", async () => {
    expect(await h.say("/client config colour blue")).toContain('There is no setting "colour"');
  });
});
