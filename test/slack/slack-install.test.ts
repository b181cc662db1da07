import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES } from "../../adapters/slack/slack-oauth.ts";
import { queryRows } from "../../db/query-rows.ts";
import { installations, workspaces } from "../../db/schema/index.ts";
import { MEMBER, OAUTH_APP, TEAM, useSlack } from "./slack-harness.ts";

async function deactivated(s: ReturnType<typeof useSlack>): Promise<boolean> {
  const [ws] = await s.h.db.db.select().from(workspaces).where(eq(workspaces.externalId, TEAM));
  return Boolean(ws?.deactivatedAt);
}

describe("a multi-workspace install through OAuth", () => {
  const s = useSlack({ env: OAUTH_APP });

  async function install(): Promise<Response> {
    const page = await fetch(`${s.url}/slack/install`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    expect(link).toBeTruthy();
    const authorize = new URL(link ?? "");
    expect(authorize.searchParams.get("scope")?.split(",").sort()).toEqual([...BOT_SCOPES].sort());
    const state = authorize.searchParams.get("state") ?? "";
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return fetch(`${s.url}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
    });
  }

  it("stores the installation and then answers that workspace with its own token", async () => {
    const done = await install();
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Tact is installed");
    const [exchange] = s.fake.callsTo("oauth.v2.access");
    expect(exchange?.args).toMatchObject({ code: "the-code", client_id: "1234.5678" });
    const [row] = await s.h.db.db.select().from(installations);
    expect(row?.key).toBe(`slack:${TEAM}`);
    // Stored encrypted: the token is nowhere in clear.
    expect(row?.sealed).toMatch(/^tact:v1:/);
    expect(JSON.stringify(row)).not.toContain("xoxb-installed-token");
    expect(row?.data).toMatchObject({ team: { id: TEAM } });

    // The installer's welcome already went out with the workspace's own token.
    const welcome = s.fake.calls.filter((c) => c.method !== "oauth.v2.access");
    expect(welcome.map((c) => c.method)).toContain("chat.postMessage");
    expect(welcome.every((c) => c.token === "xoxb-installed-token")).toBe(true);

    s.fake.reset();
    await s.command("add acme ACME Corp");
    expect(s.fake.calls.every((c) => c.token === "xoxb-installed-token")).toBe(true);
    expect(s.fake.responses.at(-1)?.body.text).toContain("Added ACME Corp");
  });

  it("refuses a callback whose state was not issued by this install page", async () => {
    const res = await fetch(`${s.url}/slack/oauth_redirect?code=the-code&state=forged`);
    expect(res.status).toBe(400);
    expect(s.fake.callsTo("oauth.v2.access")).toEqual([]);
    expect(await s.h.db.db.select().from(installations)).toEqual([]);
  });

  it("forgets the token on uninstall, keeps the data, and is active again after a new install", async () => {
    await install();
    await s.command("add acme ACME Corp");
    expect(await s.event("app-uninstalled")).toBe(200);
    expect(await deactivated(s)).toBe(true);
    expect(await s.h.db.db.select().from(installations)).toEqual([]);
    const [row] = await queryRows<{ n: number }>(s.h.db.db, sql`select count(*)::int as n from clients`);
    expect(row?.n).toBe(1);

    await install();
    expect(await deactivated(s)).toBe(false);
  });
});

describe("tokens revoked with a single bot token", () => {
  const s = useSlack();

  it("marks the workspace inactive when the bot token is revoked, not when only a user token is", async () => {
    await s.command("add acme ACME Corp");
    await s.event("tokens-revoked", (b) => {
      (b.event as { tokens: unknown }).tokens = { oauth: [MEMBER] };
    });
    expect(await deactivated(s)).toBe(false);
    await s.event("tokens-revoked");
    expect(await deactivated(s)).toBe(true);
  });

  it("marks the workspace inactive when Slack says the token was revoked while posting", async () => {
    await s.command("add acme ACME Corp");
    s.fake.failNext("chat.postMessage", "token_revoked");
    await expect(
      s.adapter.outbox.send(
        { externalId: TEAM, locale: "en" },
        { type: "post", channelId: "C0BILLING", message: { blocks: [], fallback: "hi" } },
      ),
    ).rejects.toThrow();
    expect(await deactivated(s)).toBe(true);
  });

  it("refuses to start with a token Slack rejects, saying which setting to fix", async () => {
    await s.adapter.stop();
    s.fake.failNext("auth.test", "invalid_auth");
    await expect(s.adapter.start?.()).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it("is active again when Tact starts with a token for that workspace", async () => {
    await s.command("add acme ACME Corp");
    await s.event("app-uninstalled");
    expect(await deactivated(s)).toBe(true);
    await s.adapter.stop();
    await s.adapter.start?.();
    expect(await deactivated(s)).toBe(false);
  });
});

describe("the app manifest", () => {
  const manifest = readFileSync(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8");

  it("asks for exactly the bot scopes Tact uses", () => {
    const block = /bot:\n((?:\s+- .+\n)+)/.exec(manifest)?.[1] ?? "";
    const scopes = [...block.matchAll(/- ([\w:.]+)/g)].map((m) => m[1]);
    expect(scopes.sort()).toEqual([...BOT_SCOPES].sort());
  });

  it("sends the command, interactivity, the type-ahead's options and events to /slack/events", () => {
    expect(manifest).toContain("command: /client");
    expect(manifest.match(/\/slack\/events/g)?.length).toBe(4);
    expect(manifest).toContain("message_menu_options_url: https://tact.example.com/slack/events");
    for (const event of ["app_home_opened", "app_uninstalled", "tokens_revoked"]) expect(manifest).toContain(event);
  });

  it("keeps the Messages tab read-only, since nothing answers what is typed there", () => {
    expect(manifest).toMatch(/messages_tab_enabled: true\n\s+messages_tab_read_only_enabled: true/);
    expect(manifest).not.toContain("message.im");
  });
});
