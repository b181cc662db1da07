import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { lastModal, manyClients, picked } from "./slack-forms.ts";
import { fixture, MEMBER, OWNER, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();

async function shortcut(patch: (body: Json) => void = () => {}): Promise<number> {
  const body = fixture("message-action");
  patch(body);
  const res = await s.post(
    new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
    "application/x-www-form-urlencoded",
  );
  return res.status;
}

/** What only Slack does with "Log to Tact"; logging the message is in test/contract/adapter-contract.test.ts. */
describe('Slack\'s "Log to Tact" message shortcut, over the wire', () => {
  it("opens the form with the trigger id, the linked client in its type-ahead and the message quoted with its permalink", async () => {
    await s.command("add acme ACME Corp");
    await manyClients(s);
    await s.command("channel acme", { channel: "C0ACME" });
    s.fake.reset();

    expect(await shortcut()).toBe(200);
    const open = s.fake.callsTo("views.open").at(-1);
    expect(open?.args.trigger_id).toBe("13345224609.738474920.8088930838d88f008e0");
    expect(s.fake.callsTo("chat.getPermalink")[0]?.args).toMatchObject({
      channel: "C0ACME",
      message_ts: "1764400000.000100",
    });
    const { view, blocks } = lastModal(s);
    expect((view.title as Json).text).toBe("Log to Tact");
    expect(blocks.get("client~late")).toMatchObject({
      element: { type: "external_select", initial_option: { value: "acme" } },
    });
    expect(blocks.get("kind")).toMatchObject({ element: { type: "static_select" } });
    const quote = String(((blocks.get("quote") as Json).element as Json).initial_value);
    expect(quote).toContain("Wile E. Coyote");
    expect(quote).toContain("https://acme.slack.com/archives/C0ACME/p1764400000000100");

    s.fake.reset();
    expect(
      await s.submit(
        String(view.private_metadata),
        {
          "client~late": picked("external_select", "acme"),
          kind: picked("static_select", "conduct"),
          note: "in the shared channel",
          quote: "edited in the form: ignored",
        },
        { user: MEMBER },
      ),
    ).toBe(200);
    // What is typed over the quote is ignored: the message is kept as the client wrote it.
    const kept = await queryRows(s.h.db.db, sql`select text, link from evidence`);
    expect(kept).toEqual([
      {
        text: "<!channel> <@U0SAM> this is *unacceptable*, redo it all for free & by Monday",
        link: "https://acme.slack.com/archives/C0ACME/p1764400000000100",
      },
    ]);
  });

  it("asks for the client when the channel is not linked, and refuses a forged form from another workspace", async () => {
    await s.command("add acme ACME Corp");
    await manyClients(s);
    await s.command("add acme Their ACME", { team: "T0OTHER" });
    s.fake.reset();
    await shortcut((b) => {
      b.channel = { id: "C0ELSEWHERE", name: "random" };
    });
    const { view, blocks } = lastModal(s);
    expect(((blocks.get("client~late") as Json).element as Json).initial_option).toBeUndefined();

    // The same form submitted as someone of another workspace: nothing is logged there or here.
    s.fake.reset();
    await s.submit(
      String(view.private_metadata),
      { "client~late": picked("external_select", "acme"), kind: picked("static_select", "scope"), note: "" },
      { team: "T0OTHER", user: MEMBER },
    );
    // Someone else of the same workspace submitting the form they did not open: refused.
    await s.submit(
      String(view.private_metadata),
      { "client~late": picked("external_select", "acme"), kind: picked("static_select", "scope"), note: "" },
      { user: OWNER },
    );
    expect(s.fake.everythingSent()).toContain("not yours to submit");
    const [n] = await queryRows<{ n: number }>(s.h.db.db, sql`select count(*)::int as n from incidents`);
    expect(n?.n).toBe(0);
  });
});
