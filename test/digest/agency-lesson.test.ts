import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients } from "../../db/schema/index.ts";
import { makeWorkspace, recordingOutbox, type Sent, tick } from "../scheduler/scheduler-support.ts";
import { useHarness } from "../support/harness.ts";

/**
 * Issue #14 §5: when ignored advice is logged for most of the active clients (at least 3, and
 * at least half of those with incidents in the last 180 days), the digest tells the owner that
 * the lesson is about the agency, at most once a month.
 */
// Monday 1 March 2027, 09:00 in Paris.
const h = useHarness("2027-03-01T08:00:00Z");
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

async function agency(slugs: readonly string[], ignoring: readonly string[], locale: "en" | "fr" = "en") {
  await makeWorkspace(h, "console", { timezone: "Europe/Paris", locale, digestDays: [1, 2, 3, 4, 5, 6, 7] });
  for (const slug of slugs) {
    await h.run(`/client add ${slug} ${slug.toUpperCase()}`);
    await h.run(`/client scope ${slug} one more page`, { user: "sam" });
  }
  for (const slug of ignoring) await h.run(`/client advice ${slug} refused the accessibility fixes`, { user: "sam" });
}

async function digestOn(day: string, outbox: ReturnType<typeof recordingOutbox>): Promise<string> {
  h.clock.set(`${day}T08:00:00Z`);
  const before = outbox.sent.length;
  await tick(h, outbox.outbox);
  const posted: Sent[] = outbox.sent.slice(before);
  return plain(posted.map((s) => s.text).join("\n"));
}

describe("the agency's own lesson in the digest", () => {
  it("is told when most active clients ignored advice, then not again for a month", async () => {
    await agency(["acme", "globex", "initech", "umbrella"], ["acme", "globex", "initech"]);
    const outbox = recordingOutbox();
    const first = await digestOn("2027-03-01", outbox);
    expect(first).toContain("For the owner");
    expect(first).toContain(
      "Ignored advice was logged for 3 of the 4 clients with incidents in the last 180 days. When most clients turn down the agency's advice, the lesson is about the agency: work on how you persuade",
    );
    expect(await digestOn("2027-03-02", outbox)).not.toContain("Ignored advice was logged");
    expect(await digestOn("2027-03-30", outbox)).not.toContain("Ignored advice was logged");
    expect(await digestOn("2027-03-31", outbox)).toContain("Ignored advice was logged for 3 of the 4 clients");
  });

  it("needs at least 3 clients, and at least half of those with incidents", async () => {
    await agency(["acme", "globex", "initech"], ["acme", "globex"]);
    const outbox = recordingOutbox();
    expect(await digestOn("2027-03-01", outbox)).not.toContain("Ignored advice");
    for (const slug of ["delta1", "delta2", "delta3", "delta4"]) {
      await h.run(`/client add ${slug} ${slug}`);
      await h.run(`/client late ${slug}`);
    }
    await h.run("/client advice initech chose the cheaper platform anyway");
    // 3 of 7: not most.
    expect(await digestOn("2027-03-02", outbox)).not.toContain("Ignored advice");
    await h.run("/client advice delta1 no backups");
    // 4 of 7.
    expect(await digestOn("2027-03-03", outbox)).toContain("Ignored advice was logged for 4 of the 7 clients");
  });

  it("leaves out former clients and incidents older than 180 days", async () => {
    h.clock.set("2026-08-01T08:00:00Z");
    await agency(["acme", "globex", "initech"], ["acme", "globex", "initech"]);
    const outbox = recordingOutbox();
    // Logged on 1 Aug 2026: more than 180 days before 1 Mar 2027.
    expect(await digestOn("2027-03-01", outbox)).not.toContain("Ignored advice");
    for (const slug of ["acme", "globex", "initech"]) await h.run(`/client advice ${slug} skipped the audit`);
    await h.db.db.update(clients).set({ status: "offboarded" }).where(eq(clients.slug, "initech"));
    expect(await digestOn("2027-03-02", outbox)).not.toContain("Ignored advice");
  });

  it("speaks French in a French workspace, and shows in the private preview", async () => {
    await agency(["acme", "globex", "initech"], ["acme", "globex", "initech"], "fr");
    const preview = plain(await h.say("/client digest"));
    expect(preview).toContain("Pour le responsable");
    expect(preview).toContain(
      "Des conseils ignorés ont été notés pour 3 des 3 clients ayant eu des incidents sur les 180 derniers jours.",
    );
  });
});
