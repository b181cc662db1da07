import { describe, expect, it } from "vitest";
import { invocation, useHarness } from "../support/harness.ts";

const h = useHarness();

describe("/client invoice with no arguments", () => {
  it.each([
    {
      lang: "en",
      start: "Type it on one line: /client invoice <client> <invoice number> <amount>",
      example: "For example: /client invoice acme INV-7 1200.00 EUR due 2026-01-15",
    },
    {
      lang: "fr",
      start: "Tapez-la sur une ligne\u00a0: /client invoice <client>",
      example: "Par exemple\u00a0: /client invoice acme INV-7 1200.00 EUR due 2026-01-15",
    },
  ])("prints the syntax with an example on the console ($lang)", async (c) => {
    if (c.lang === "fr") await h.run("/client config lang fr");
    const { adapter, output } = h.console();
    await adapter.handleLine("/client invoice");
    const text = output.join("\n");
    expect(text).toContain(c.start);
    expect(text).toContain(c.example);
  });

  it("opens a form on Slack and Discord; given some arguments, it says what is missing as before", async () => {
    const [slack] = await h.run("/client invoice", { platform: "slack", workspace: "T1" });
    expect(slack).toMatchObject({ type: "form", form: { id: "command:invoice" } });
    const fields = slack?.type === "form" ? slack.form.fields.map((f) => f.id) : [];
    expect(fields).toEqual(["client", "number", "amount", "currency", "issued", "due"]);
    const [discord] = await h.run("/client invoice", { platform: "discord", workspace: "G1" });
    expect(discord?.type === "form" ? discord.form.fields.map((f) => f.id) : []).toEqual([
      "client",
      "number",
      "amount",
      "issued",
      "due",
    ]);
    expect(await h.say("/client invoice acme", { platform: "slack", workspace: "T1" })).toContain(
      "Missing invoice number",
    );
  });

  it("records a submitted form through the same use case, and refuses by field with nothing written", async () => {
    await h.run("/client add acme ACME Corp", { platform: "slack", workspace: "T1" });
    const submit = (values: Record<string, string>) =>
      h.handle({
        ...invocation("", { platform: "slack", workspace: "T1" }),
        input: { kind: "form", formId: "command:invoice", values },
      });
    const base = { client: "acme", number: "INV-1", amount: "100", currency: "", issued: "", due: "" };
    // No currency and no default yet: said under the currency.
    const [noCurrency] = await submit(base);
    expect(noCurrency).toMatchObject({ type: "formErrors", errors: { currency: expect.any(String) } });
    const [bad] = await submit({ ...base, currency: "EUR", due: "someday" });
    expect(bad).toMatchObject({ type: "formErrors", errors: { due: expect.stringContaining("someday") } });
    expect(bad?.type === "formErrors" ? bad.form?.fields.find((f) => f.id === "due")?.initial : "").toBe("someday");
    const [ok] = await submit({ ...base, currency: "EUR", due: "2026-12-27" });
    expect(ok?.type).toBe("reply");
    expect(await h.say("/client invoices acme", { platform: "slack", workspace: "T1" })).toContain("INV-1");
  });
});
