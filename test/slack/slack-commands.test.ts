import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { rowCount } from "../support/db-counts.ts";
import { MEMBER, OWNER, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

const s = useSlack();

const count = (table: string, where?: string) => rowCount(s.h.db.db, table, where);

/** The response_url posts of one request, as Slack would show them. */
function answers(responseUrl: string): Json[] {
  const id = responseUrl.split("/").pop();
  return s.fake.responses.filter((r) => r.id === id).map((r) => r.body);
}

describe("the /client command on Slack", () => {
  it("answers a command in its acknowledgement: one HTTP exchange, nothing posted to the response_url", async () => {
    const { responseUrl } = await s.command("add acme ACME Corp");
    const id = responseUrl.split("/").pop();
    const mine = s.fake.responses.filter((r) => r.id === id);
    expect(mine.map((r) => r.via)).toEqual(["ack"]);
    expect(mine[0]?.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(mine[0]?.body.text)).toContain("ACME Corp");
  });

  it("shows a client's card as a header, fields and the playbook's advice", async () => {
    await s.command("add acme ACME Corp");
    await s.command("late acme");
    const { responseUrl } = await s.command("show acme");
    const [card] = answers(responseUrl);
    const blocks = card?.blocks as Json[];
    expect(blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "ACME Corp (acme)" } });
    const fields = blocks.flatMap((b) => (b.fields as Json[] | undefined) ?? []).map((f) => f.text);
    expect(fields).toContain("*late payment*\n1 / 1");
    expect(JSON.stringify(blocks)).toContain("What the playbook advises");
  });

  it("makes Slack's primary owner the owner and refuses a member an owner-only command, naming the owner", async () => {
    // The member is the first to use Tact in this workspace: the owner is still Slack's primary owner.
    const { responseUrl } = await s.command("config lang fr", { user: MEMBER });
    const [reply] = answers(responseUrl);
    expect(reply?.text).toContain("Only the workspace owner (Dana Owner) can");
    expect(reply?.text).toContain("The request was not carried out.");
    const [ws] = await queryRows<{ owner: string; locale: string; timezone: string }>(
      s.h.db.db,
      sql`select owner_user_id as owner, locale, timezone from workspaces`,
    );
    expect(ws).toEqual({ owner: OWNER, locale: "en", timezone: "Europe/Paris" });
    expect(await count("audit_log", "action = 'refused.owner-only' and actor_id = 'U0SAM'")).toBe(1);

    const owner = await s.command("config lang fr", { user: OWNER });
    expect(answers(owner.responseUrl)[0]?.text).toContain("français");
  });

  it("never makes the first person to type the owner when Slack does not say who the owner is", async () => {
    // Slack fails both lookups the first time the workspace is seen: a 500, then a missing scope.
    s.fake.failNext("users.info", 500);
    s.fake.failNext("users.list", "missing_scope");
    const first = await s.command("config owner <@U0SAM|sam>", { user: MEMBER });
    const refusal = String(answers(first.responseUrl)[0]?.text);
    expect(refusal).toContain("Only the workspace owner can hand over the ownership of this workspace");
    expect(refusal).toContain("I don't know yet who that is");
    expect(refusal).toContain("The request was not carried out.");
    const owner = async () =>
      (await queryRows<{ owner: string | null }>(s.h.db.db, sql`select owner_user_id as owner from workspaces`))[0]
        ?.owner;
    expect(await owner()).toBeNull();
    expect(await count("audit_log", "action = 'refused.owner-unknown' and actor_id = 'U0SAM'")).toBe(1);

    // Everything else works meanwhile; Slack is not asked again within the minute.
    await s.command("add acme ACME Corp", { user: MEMBER });
    const asked = s.fake.callsTo("users.list").length;
    const again = await s.command("config lang fr", { user: MEMBER });
    expect(answers(again.responseUrl)[0]?.text).toContain("I don't know yet who that is");
    expect(s.fake.callsTo("users.list").length).toBe(asked);
    expect(await owner()).toBeNull();

    // A minute later Slack answers: its primary owner is the owner, and the member is told who.
    s.h.clock.advance(61_000);
    const later = await s.command("config lang fr", { user: MEMBER });
    expect(answers(later.responseUrl)[0]?.text).toContain("Only the workspace owner (Dana Owner) can");
    expect(await owner()).toBe(OWNER);
    const done = await s.command("config lang fr", { user: OWNER });
    expect(answers(done.responseUrl)[0]?.text).toContain("français");
    expect(await count("clients")).toBe(1);
  });

  it("speaks the language of the first person to use it, from their Slack locale", async () => {
    s.fake.users.set("U0ELOISE", { id: "U0ELOISE", name: "eloise", tz: "Europe/Paris", locale: "fr-FR" });
    const { responseUrl } = await s.command("help", { user: "U0ELOISE", userName: "eloise" });
    expect(String(answers(responseUrl)[0]?.text)).toContain("Tact\u00a0: la mémoire écrite des clients difficiles");
    s.fake.users.delete("U0ELOISE");
  });

  it("hands ownership over to a person named with a Slack mention, and tells them in a DM", async () => {
    await s.command("add acme ACME Corp");
    await s.command("config owner <@U0SAM|sam>");
    const [ws] = await queryRows<{ owner: string }>(s.h.db.db, sql`select owner_user_id as owner from workspaces`);
    expect(ws?.owner).toBe(MEMBER);
    const told = s.fake.callsTo("chat.postMessage").at(-1);
    expect(told?.args.channel).toBe(`D${MEMBER}`);
  });

  it("hands ownership over once when several hand-overs arrive at once; every other one is told", async () => {
    await s.command("help");
    const people = Array.from({ length: 8 }, (_, i) => `U0HEIR${i}`);
    const sent = await Promise.all(people.map((id) => s.command(`config owner <@${id}|heir${id.slice(-1)}>`)));
    const texts = sent.map((r) =>
      answers(r.responseUrl)
        .map((a) => String(a.text))
        .join(" "),
    );
    const won = texts.filter((t) => t.includes("is now the owner of this workspace"));
    expect(won).toHaveLength(1);
    const [ws] = await queryRows<{ owner: string }>(s.h.db.db, sql`select owner_user_id as owner from workspaces`);
    const heir = String(ws?.owner);
    expect(won[0]).toContain(`${heir} is now the owner`);
    // The others are refused, naming who owns it now: at the lock (they raced the winner) or,
    // when they arrived after it, at the owner-only check.
    const refused = texts.filter((t) => !won.includes(t));
    expect(refused).toHaveLength(people.length - 1);
    for (const t of refused) {
      expect(t).toMatch(
        new RegExp(`handed over to ${heir} a moment ago.*Nothing was changed|Only the workspace owner \\(${heir}\\)`),
      );
    }
    expect(await count("audit_log", "action = 'config.owner'")).toBe(1);
    const dms = s.fake.callsTo("chat.postMessage").filter((c) => String(c.args.text).includes("made you the owner"));
    expect(dms.map((c) => c.args.channel)).toEqual([`D${ws?.owner}`]);
  });

  it("sets the digest channel from a Slack channel mention, naming it as people know it", async () => {
    const { responseUrl } = await s.command("config channel <#C0BILLING|billing>");
    const [ws] = await queryRows<{ channel: string }>(s.h.db.db, sql`select digest_channel as channel from workspaces`);
    expect(ws?.channel).toBe("C0BILLING");
    expect(answers(responseUrl)[0]?.text).toContain("billing");
  });

  it("applies a resent command once (same trigger_id, X-Slack-Retry-Num)", async () => {
    await s.command("add acme ACME Corp");
    const first = await s.command("late acme", { user: MEMBER });
    const again = await s.command("late acme", {
      user: MEMBER,
      triggerId: first.triggerId,
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(again.status).toBe(200);
    expect(await count("incidents")).toBe(1);
    expect(answers(first.responseUrl)).toHaveLength(1);
    expect(answers(again.responseUrl)).toHaveLength(0);
  });

  it("never sends <!channel>, <!here> or a user mention typed in a note back raw", async () => {
    await s.command("add acme ACME Corp");
    // As Slack sends them: @channel typed becomes <!channel>; a literal "<!here>" arrives escaped.
    await s.command("note acme <!channel> pay now &lt;!here&gt; ask <@U0SAM|sam> &amp; <!subteam^S123|@devs>");
    await s.command("show acme");
    await s.command("list");
    const sent = s.sent();
    expect(sent).toContain("@channel pay now &lt;!here&gt; ask &lt;@U0SAM|sam&gt; &amp; @devs");
    for (const raw of ["<!channel>", "<!here>", "<@U0SAM", "<!subteam", "<!everyone>"]) expect(sent).not.toContain(raw);
    const [note] = await queryRows<{ note: string }>(s.h.db.db, sql`select note from incidents`);
    expect(note?.note).toBe("@channel pay now <!here> ask <@U0SAM|sam> & @devs");
  });

  it("refuses a client name that reverses the text around it, and drops invisible zero-width characters", async () => {
    const { responseUrl } = await s.command("add acme ACME\u202eCorp gnp.exe");
    expect(answers(responseUrl)[0]?.text).toBe(
      "display name contains invisible characters that change the direction of the text around them. Please type it as plain text.",
    );
    expect(await count("clients")).toBe(0);

    await s.command("add acme AC\u200bME\u2060 Corp");
    await s.command("rename acme New\u2067Name");
    const [row] = await queryRows<{ name: string }>(s.h.db.db, sql`select display_name as name from clients`);
    expect(row?.name).toBe("ACME Corp");
    const { responseUrl: shown } = await s.command("show AC\u200bME Corp");
    expect(JSON.stringify(answers(shown)[0])).toContain("ACME Corp (acme)");
  });

  it("answers an unknown verb privately with a suggestion", async () => {
    const { responseUrl } = await s.command("shwo acme");
    expect(answers(responseUrl)[0]?.text).toContain("Did you mean");
  });
});
