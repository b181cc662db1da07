import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clients, invoices, workspaces } from "../../db/schema/index.ts";
import { MEMBER, OWNER, TEAM, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();

/** The App Home Tact last published for a person, as text. */
function home(user: string): { text: string; buttons: string[] } {
  const call = s.fake
    .callsTo("views.publish")
    .filter((c) => c.args.user_id === user)
    .at(-1);
  const view = call?.args.view as Json | undefined;
  expect(view?.type).toBe("home");
  const blocks = (view?.blocks as Json[]) ?? [];
  expect(blocks.length).toBeLessThanOrEqual(100);
  return {
    text: JSON.stringify(blocks),
    buttons: blocks
      .filter((b) => b.type === "actions")
      .flatMap((b) => b.elements as Json[])
      .map((e) => String(e.value)),
  };
}

const opens = (user: string) => s.event("app-home-opened", (b) => Object.assign(b.event as Json, { user }));

async function overdueInvoice(): Promise<void> {
  const [ws] = await s.h.db.db.select().from(workspaces).where(eq(workspaces.externalId, TEAM));
  const [client] = await s.h.db.db.select().from(clients).where(eq(clients.slug, "acme"));
  if (!ws || !client) throw new Error("workspace and client first");
  await s.h.db.db.insert(invoices).values({
    workspaceId: ws.id,
    clientId: client.id,
    number: "INV-7",
    amountMinor: 120_000,
    currency: "EUR",
    issuedOn: "2026-09-01",
    dueOn: "2026-10-01",
    createdBy: OWNER,
  });
}

describe("App Home on Slack", () => {
  it("shows the owner the clients to watch, what is overdue, and the wizard in progress with a resume button", async () => {
    await s.command("add acme ACME Corp");
    await s.command("add globex Globex");
    for (let i = 0; i < 3; i++) await s.command("late acme", { user: MEMBER });
    await overdueInvoice();
    await s.command("offboard globex");

    expect(await opens(OWNER)).toBe(200);
    const page = home(OWNER);
    expect(page.text).toContain("Clients to watch");
    expect(page.text).toContain("ACME Corp (acme)");
    expect(page.text).toContain("€1,200.00 past due on 1 invoice");
    expect(page.text).toContain("Letting Globex go");
    expect(page.buttons).toEqual(["wizard:1:1:resume"]);
  });

  it("takes the owner back into the wizard from the resume button, in the DM, and refreshes the page", async () => {
    await s.command("add globex Globex");
    await s.command("offboard globex");
    const dmBefore = s.fake.callsTo("chat.postMessage").length;
    expect(await s.press("wizard:1:1:resume", { home: true })).toBe(200);
    const after = s.fake.callsTo("chat.postMessage").slice(dmBefore);
    expect(after.map((c) => c.args.channel)).toEqual([`D${OWNER}`]);
    expect(s.fake.callsTo("views.publish").at(-1)?.args.user_id).toBe(OWNER);
  });

  it("shows a member their own recent logs and how to log, and nothing of the owner's", async () => {
    await s.command("add acme ACME Corp");
    await s.command("add globex Globex");
    await s.command("scope acme added a blog <!here>", { user: MEMBER });
    await s.command("offboard globex");
    await opens(MEMBER);
    const page = home(MEMBER);
    expect(page.text).toContain("Your recent logs");
    expect(page.text).toContain("scope creep · ACME Corp: added a blog @here");
    expect(page.text).toContain("/client late acme");
    expect(page.text).not.toContain("Globex");
    expect(page.text).not.toContain("past due");
    expect(page.buttons).toEqual([]);
  });

  it("publishes the page in French for a French workspace", async () => {
    await s.command("config lang fr");
    await opens(MEMBER);
    expect(home(MEMBER).text).toContain("Vos derniers signalements");
  });

  it("publishes the page once when Slack resends the event", async () => {
    for (let i = 0; i < 2; i++) await s.event("app-home-opened", (b) => Object.assign(b, { event_id: "EvSAME" }));
    expect(s.fake.callsTo("views.publish")).toHaveLength(1);
  });
});
