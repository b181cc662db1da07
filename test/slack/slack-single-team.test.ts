import { sql } from "drizzle-orm";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/query-rows.ts";
import { slackHeaders } from "../support/signed-requests.ts";
import { fixture, OAUTH_APP, OWNER, SIGNING_SECRET, TEAM, useSlack } from "./slack-harness.ts";

const OTHER = "T0OTHER";

/** Every row of every table (request ids included): a refused request leaves none. */
async function allRows(s: ReturnType<typeof useSlack>): Promise<Record<string, number>> {
  const tables = await queryRows<{ tablename: string }>(
    s.h.db.db,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await queryRows<{ n: number }>(s.h.db.db, sql.raw(`select count(*)::int as n from "${tablename}"`));
    if (Number(row?.n) > 0) out[tablename] = Number(row?.n);
  }
  return out;
}

/** Signs and posts a body as Slack does; Tact's HTTP answer (the acknowledgement) as text. */
async function signedPost(s: ReturnType<typeof useSlack>, body: string, contentType: string) {
  const headers = slackHeaders(SIGNING_SECRET, body, s.h.clock.now(), contentType);
  const res = await fetch(`${s.url}/slack/events`, { method: "POST", headers, body });
  const text = await res.text();
  await s.adapter.settled();
  return { status: res.status, text };
}

function commandBody(s: ReturnType<typeof useSlack>, team: string, text: string, id: string): string {
  return new URLSearchParams({
    ...(fixture("slash-command") as Record<string, string>),
    team_id: team,
    team_domain: "elsewhere",
    channel_id: "C0GENERAL",
    user_id: "U0STRANGER",
    user_name: "mallory",
    text,
    response_url: s.fake.responseUrl(id),
    trigger_id: `${id}.1.trigger`,
  }).toString();
}

describe("single-token mode serves the one workspace auth.test names", () => {
  const lines: string[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
  const s = useSlack({ log });

  it("refuses a signed slash command from another workspace: a private answer, nothing written, a warning", async () => {
    lines.length = 0;
    const before = await allRows(s);
    const res = await signedPost(
      s,
      commandBody(s, OTHER, "add acme ACME Corp", "other"),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.text) as { response_type: string; text: string };
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toContain("isn't set up for this Slack workspace");
    expect(answer.text).toContain("Nothing was saved");
    // Nothing written, and Slack was not asked about the stranger's workspace either.
    expect(await allRows(s)).toEqual(before);
    expect(s.fake.calls).toEqual([]);
    expect(s.fake.responses).toEqual([]);

    const refusals = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.level === 40);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ team: OTHER, kind: "slash_command", served: TEAM });
    expect(String(refusals[0]?.msg)).toContain("does not serve");
    const logged = lines.join("\n");
    for (const secret of ["xoxb-test-token", SIGNING_SECRET, "ACME Corp", "U0STRANGER"])
      expect(logged).not.toContain(secret);
  });

  it("keeps serving its own workspace, and a stranger's command never reaches its data", async () => {
    await s.command("add acme ACME Corp");
    expect(s.fake.responses.at(-1)?.body.text).toContain("Added ACME Corp");
    const before = await allRows(s);
    for (const text of ["show acme", "late acme from elsewhere", "config owner <@U0STRANGER>"]) {
      const res = await signedPost(
        s,
        commandBody(s, OTHER, text, `o-${text.length}`),
        "application/x-www-form-urlencoded",
      );
      expect(res.text).not.toContain("ACME Corp");
    }
    expect(await allRows(s)).toEqual(before);
  });

  it("answers a button pressed in another workspace privately through its response_url, and applies nothing", async () => {
    await s.command("add acme ACME Corp");
    const before = await allRows(s);
    s.fake.reset();
    const status = await s.press("undo:1", { team: OTHER, user: "U0STRANGER" });
    expect(status).toBe(200);
    expect(s.fake.responses).toHaveLength(1);
    expect(s.fake.responses[0]?.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(s.fake.responses[0]?.body.text)).toContain("isn't set up for this Slack workspace");
    expect(s.fake.calls).toEqual([]);
    expect(await allRows(s)).toEqual(before);
  });

  it("turns a form submitted in another workspace into a modal that says why, and saves nothing", async () => {
    const before = await allRows(s);
    const body = fixture("view-submission");
    body.team = { id: OTHER, domain: "elsewhere" };
    body.user = { id: "U0STRANGER", username: "mallory", name: "mallory", team_id: OTHER };
    (body.view as Record<string, unknown>).private_metadata = JSON.stringify({ f: "terms:1", c: "C0GENERAL" });
    const res = await signedPost(
      s,
      new URLSearchParams({ payload: JSON.stringify(body) }).toString(),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    const answer = JSON.parse(res.text) as { response_action: string; view: { blocks: { text: { text: string } }[] } };
    expect(answer.response_action).toBe("update");
    expect(answer.view.blocks[0]?.text.text).toContain("isn't set up for this Slack workspace");
    expect(s.fake.calls).toEqual([]);
    expect(await allRows(s)).toEqual(before);
  });

  it("ignores another workspace's events: no App Home published, no workspace deactivated or created", async () => {
    await s.command("add acme ACME Corp");
    const before = await allRows(s);
    s.fake.reset();
    for (const name of ["app-home-opened", "app-uninstalled", "tokens-revoked"]) {
      expect(
        await s.event(name, (b) => {
          b.team_id = OTHER;
        }),
      ).toBe(200);
    }
    expect(s.fake.calls).toEqual([]);
    expect(await allRows(s)).toEqual(before);
    const [ws] = await queryRows<{ n: number }>(
      s.h.db.db,
      sql`select count(*)::int as n from workspaces where deactivated_at is null and external_id = ${TEAM}`,
    );
    expect(ws?.n).toBe(1);
  });

  it("still publishes App Home for its own workspace", async () => {
    await s.event("app-home-opened", (b) => {
      (b.event as Record<string, unknown>).user = OWNER;
    });
    expect(s.fake.callsTo("views.publish")).toHaveLength(1);
  });
});

describe("OAuth installs serve every workspace that installed Tact", () => {
  const s = useSlack({ env: OAUTH_APP });

  it("does not apply the single-workspace refusal (a workspace without an install is refused by Bolt)", async () => {
    const res = await signedPost(
      s,
      commandBody(s, OTHER, "add acme ACME Corp", "oauth"),
      "application/x-www-form-urlencoded",
    );
    expect(res.text).not.toContain("isn't set up for this Slack workspace");
    expect(await allRows(s)).toEqual({});
  });
});
