import { describe, expect, it } from "vitest";
import { configSettings } from "../src/commands/config/config-registry.ts";
import { useHarness } from "./support/harness.ts";

const h = useHarness();

describe("/client config shows every setting (issue 20 §7)", () => {
  it("shows each value with the command that changes it, the digest's channel and time included", async () => {
    const before = await h.say("/client config");
    expect(before).toContain("Digest channel: #general — /client config channel #channel|here");
    await h.run("/client config channel #billing");
    await h.run("/client config digest 08:30 Europe/Paris");
    await h.run("/client config days mon,wed,fri");
    await h.run("/client config quiet silent");
    await h.run("/client config terms law fr term 45");
    const text = await h.say("/client config", { user: "sam" });
    expect(text.split("\n")).toEqual([
      "== Workspace settings ==",
      "Language: English — /client config lang en|fr",
      "Owner: owner — /client config owner @user",
      "Time zone: Europe/Paris — /client config timezone Area/City",
      "Digest channel: #billing — /client config channel #channel|here",
      "Digest time: 08:30, on — /client config digest HH:MM [Area/City]|on|off",
      "Digest days: on Monday, Wednesday and Friday — /client config days mon-fri|mon,wed,fri|daily",
      "Quiet days: nothing — /client config quiet post|silent",
      expect.stringMatching(
        /^Default terms: French law \(Code de commerce L441-10.*\); payment term 45 days — \/client config terms law fr\|eu\|uk\|contract\|none …$/,
      ),
      "Default currency: not set yet (the first currency used becomes it) — /client config currency EUR|GBP|USD|…",
      "(Only the owner (owner) changes them. /client help config explains each one.)",
    ]);
    await h.run("/client config digest off");
    expect(await h.say("/client config")).toContain("Digest time: off (08:30 when on)");
    await h.run("/client config currency gbp");
    expect(await h.say("/client config")).toContain("Default currency: GBP — /client config currency");
  });

  it("sets the time zone on its own, audited, and refuses an unknown zone", async () => {
    expect(await h.say("/client config timezone america/new_york")).toBe(
      "The workspace's time zone is now America/New_York: the digest posts at 09:00 there, and dates and days late are counted in it.",
    );
    expect(await h.say("/client config")).toContain("Time zone: America/New_York");
    expect(await h.say("/client config timezone Mars/Olympus")).toContain(`"Mars/Olympus" is not a time zone I know`);
    expect(await h.say("/client config timezone Europe/Paris", { user: "sam" })).toContain("Only the workspace owner");
    expect(await h.say("/client config")).toContain("Time zone: America/New_York");
  });

  it("documents every setting in /client help config, and the channel and time in /client help digest", async () => {
    const help = await h.say("/client help config");
    for (const s of configSettings) expect(help).toContain(`• /client config ${s.name} ${s.usage}: `);
    expect(help).toContain("where the digest and the overdue alerts are posted");
    const digest = await h.say("/client help digest");
    expect(digest).toContain("/client config channel #billing");
    expect(digest).toContain("/client config digest 09:00 Europe/Paris");
  });

  it("says the same in French", async () => {
    await h.run("/client config lang fr");
    await h.run("/client config channel #facturation");
    const text = await h.say("/client config");
    expect(text).toContain("== Réglages de l'espace ==");
    expect(text).toContain("Langue\u00a0: français — /client config lang en|fr");
    expect(text).toContain("Canal du point du jour\u00a0: #facturation — /client config channel #channel|here");
    expect(text).toContain("Heure du point du jour\u00a0: 09:00, activé");
    expect(text).toContain("Jours du point du jour\u00a0: du lundi au vendredi");
    expect(text).toContain("Conditions par défaut\u00a0: pas de pénalités de retard\u00a0; délai de paiement 30 jours");
    const help = await h.say("/client help config");
    expect(help).toContain("• /client config timezone Area/City\u00a0: le fuseau horaire de l'espace");
    expect(await h.say("/client help digest")).toContain("avec /client config channel #facturation");
  });
});
