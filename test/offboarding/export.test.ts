import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { deliveries, invoiceReminders } from "../../db/schema/index.ts";
import type { Effect } from "../../src/core/effects.ts";
import { useHarness } from "../support/harness.ts";
import { addInvoice, addPayment, recordFiles, setClient, submit, writeOff } from "./offboarding-support.ts";

const h = useHarness("2026-03-15T10:00:00Z");

function fileOf(effects: Effect[]): { filename: string; content: string; userId: string } {
  const f = recordFiles(effects);
  return { filename: f.filename, content: f.markdown, userId: f.userId };
}

async function record(): Promise<void> {
  await h.run("/client add acme ACME Corp");
  await h.run("/client alias acme acme-corp");
  await setClient(h.db.db, "acme", { terms: { law: "fr" } });
  await h.run("/client late acme INV-7", { user: "sam" });
  await h.run("/client note acme wrong one", { user: "dana" });
  const asked = await h.say("/client undo", { user: "dana" });
  await h.run(`press ${/\[press (undo-do:\d+)\]/.exec(asked)?.[1]}`, { user: "dana" });
  await h.run("/client conduct acme said | we are <!channel> idiots\nthen hung up", { user: "sam" });
  const id = await addInvoice(h.db.db, "acme", {
    number: "INV-7",
    amountMinor: 200_000,
    issuedOn: "2026-01-01",
    dueOn: "2026-01-15",
  });
  await addPayment(h.db.db, id, { amountMinor: 50_000, paidOn: "2026-02-01" });
  await addPayment(h.db.db, id, { amountMinor: 10_000, paidOn: "2026-02-10", kind: "credit" });
  await h.db.db.insert(invoiceReminders).values([
    {
      workspaceId: 1,
      invoiceId: id,
      stage: 1,
      kind: "first",
      sentOn: "2026-01-20",
      recordedBy: "owner",
      confirmedLater: true,
    },
    { workspaceId: 1, invoiceId: id, stage: 2, kind: "second", sentOn: "2026-02-20", recordedBy: "sam" },
  ]);
  await h.db.db.insert(deliveries).values({
    workspaceId: 1,
    kind: "alert",
    key: `${id}:1`,
    state: "sent",
    sentAt: new Date("2026-01-16T08:00:00Z"),
  });
}

describe("the written record", () => {
  it("holds the incidents, invoices, payments, reminders, charges, both letters and every step with its date", async () => {
    await record();
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "2026-03-10 Phone call with Dana." });
    await h.run("press wizard:1:2:done");
    await h.run("press wizard:1:3:reason:late");
    await h.run("press wizard:1:3:done");
    await submit(h, "wizard-form:1:4:letter", { text: "Dear ACME,\n\nHere is what happens next." });
    await writeOff(h);
    const effects = await h.run("press wizard:1:6:record");
    const file = fileOf(effects);
    expect(file.userId).toBe("owner");
    expect(file.filename).toBe("acme-record-2026-03-15.md");
    const md = file.content;

    for (const line of [
      "# Written record: ACME Corp (acme)",
      "Status: being let go.",
      "Also known as: acme-corp.",
      "## Incidents (3)",
      "| 15 Mar 2026, 10:00 | late payment | sam | INV-7 |  |",
      "| 15 Mar 2026, 10:00 | note (withdrawn 15 Mar 2026 by dana) | dana |  | wrong one |",
      // Typed text cannot break the table, ping anyone, or inject markup.
      "said \\| we are &lt;!channel&gt; idiots then hung up",
      "| INV-7 | 1 Jan 2026 | 15 Jan 2026 | €2,000.00 | €600.00 | €0.00 | 59 | written off 15 Mar 2026 |",
      // The late payment the card counts, with what was given up when it was written off.
      "## Late payments (1)",
      "| INV-7 | 15 Jan 2026 | unpaid 59 days, then written off 15 Mar 2026 | €2,000.00 | €1,400.00 | €71.19 | once |",
      "| 1 Feb 2026 | INV-7 | payment | €500.00 | owner |",
      "| 10 Feb 2026 | INV-7 | credit note | €100.00 | owner |",
      "- 20 Jan 2026 · INV-7 · first reminder sent · recorded by owner, who confirmed afterwards that it went out outside Tact",
      "- 20 Feb 2026 · INV-7 · second reminder sent · recorded by sam",
      "- 16 Jan 2026, 08:00 · INV-7 · overdue alert to the team (stage 1)",
      "- INV-7: written off 15 Mar 2026, 10:00 by owner: €1,400.00 unpaid and €71.19 of charges.",
      "### Why we are ending our collaboration",
      "_Drafted by Tact and kept as is on 15 Mar 2026, 10:00, in English._",
      // The incident names INV-7, recorded later: one late payment, since INV-7 fell due (issue #21).
      // Still unpaid when the letter was drafted: said as unpaid, not as a payment that came late.
      "> - invoice INV-7 (due 15 January 2026) is still unpaid, which a team of our size finds hard to absorb.",
      "### What happens next",
      "_Written by the owner on 15 Mar 2026, 10:00, in English._",
      "> Here is what happens next.",
      "## Letting the client go",
      "Started 15 Mar 2026, 10:00 by owner; in progress.",
      "| 1/8 Talk first | done | 15 Mar 2026, 10:00 | Conversation of 10 Mar 2026: Phone call with Dana. |",
      "| 6/8 Keep the record | done | 15 Mar 2026, 10:00 |  |",
      "| 7/8 Let go, and say nothing bad in public | to do |  |  |",
      "| 15 Mar 2026, 10:00 | owner | letting go, step 1 (Talk first): started |",
      "| 15 Mar 2026, 10:00 | owner | letting go, step 5 (Settle accounts): done |",
      "| 15 Mar 2026, 10:00 | owner | invoice INV-7 written off: €1,400.00 unpaid and €71.19 of charges |",
    ])
      expect(md).toContain(line);
    expect(md).toMatch(/\| 5\/8 Settle accounts \| done \| 15 Mar 2026, 10:00 \| wrote off €1,\d{3}\.\d\d \|/);
  });

  it("shows links and images typed by people as text, in any Markdown viewer (issue 19)", async () => {
    await h.run("/client add acme ACME [Corp](https://evil.example/c)");
    const typed = [
      "![pixel](https://evil.example/p.png?leak=1)",
      "[click](https://evil.example/x)",
      "see www.evil.example or https://evil.example/raw",
      "<https://evil.example/auto>",
      "\\[still](https://evil.example/escaped)",
    ];
    for (const note of typed) await h.run(`/client scope acme ${note}`);
    await h.run("/client offboard acme");
    await submit(h, "wizard-form:1:1:conversation", { notes: "[ref]: https://evil.example/ref\nsee [ref]" });
    const md = fileOf(await h.run("/client export acme")).content;

    const html = await marked.parse(md, { gfm: true });
    expect(html).not.toMatch(/<a\b|<img\b/i);
    const shown = html
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    for (const note of typed) expect(shown).toContain(note);
    expect(shown).toContain("ACME [Corp](https://evil.example/c)");
    expect(shown).toContain("[ref]: https://evil.example/ref");
  });

  it("is available at any time with /client export, in the workspace's language, and says what is missing", async () => {
    await record();
    await h.run("/client config lang fr");
    const effects = await h.run("/client export acme-corp");
    // The file first: "I sent you the record" is said once it was delivered.
    expect(effects.map((e) => e.type)).toEqual(["file", "reply"]);
    const md = fileOf(effects).content;
    expect(fileOf(effects).filename).toBe("acme-dossier-2026-03-15.md");
    expect(md).toContain("# Dossier écrit : ACME Corp (acme)");
    expect(md).toContain("Statut : client actif.");
    expect(md).toContain("## Courriers");
    expect(md).toContain("Non rédigé.");
    expect(md).not.toContain("## La séparation");
    expect(md).toContain("| 1er févr. 2026 | INV-7 | paiement |");
  });

  it("explains each invoice's charges: interest per period and rate, and the recovery fee", async () => {
    await record();
    const md = fileOf(await h.run("/client export acme")).content;
    expect(md).toContain("- INV-7: €71.19 (owed): interest €31.19 over 59 days late, recovery fee €40.00");
    expect(md).toContain(
      "  - interest €11.32 = €2,000.00 × 12.15% × 17 days / 365 (16 Jan 2026 – 1 Feb 2026; ECB rate 2.15% on 1 Jan 2026 + 10 points; Code de commerce, art. L441-10)",
    );
  });

  it("is sent straight into the DM when asked there", async () => {
    await h.run("/client add acme ACME Corp");
    const effects = await h.run("/client export acme", { dm: true });
    expect(effects.map((e) => e.type)).toEqual(["file"]);
    expect(fileOf(effects).content).toContain("## Incidents (0)\n\nNo incidents.");
  });
});
