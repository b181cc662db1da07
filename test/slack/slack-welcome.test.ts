import { afterEach, describe, expect, it } from "vitest";
import type { FakeCall } from "./fake-slack-api.ts";
import { OAUTH_APP, OWNER, useSlack } from "./slack-harness.ts";

type Json = Record<string, unknown>;

describe("installing Tact on Slack", () => {
  const s = useSlack({ env: OAUTH_APP });
  afterEach(() => {
    const owner = s.fake.users.get(OWNER);
    if (owner) owner.locale = "en-GB";
  });

  /** The "Add to Slack" page, then Slack's redirect back with a code, as a browser follows them. */
  async function install(): Promise<Response> {
    const page = await fetch(`${s.url}/slack/install`);
    const html = await page.text();
    const link = /href="(https:\/\/slack\.com\/oauth\/v2\/authorize\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
    const state = new URL(link ?? "").searchParams.get("state") ?? "";
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return fetch(`${s.url}/slack/oauth_redirect?code=the-code&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
    });
  }

  /** What Tact posted in the installer's DM (the fake opens `D<user>`). */
  const dms = (): FakeCall[] => s.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === `D${OWNER}`);
  const text = (call: FakeCall | undefined) => JSON.stringify(call?.args.blocks ?? []) + String(call?.args.text);

  it.each([
    {
      lang: "en",
      locale: "en-GB",
      lines: [
        "Welcome to Tact",
        "/client add acme ACME Corp",
        "/client config channel #billing",
        "/client config currency EUR",
      ],
      help: "Help",
    },
    {
      lang: "fr",
      locale: "fr-FR",
      lines: [
        "Bienvenue dans Tact",
        "Ajoutez un client\u00a0: /client add acme ACME Corp",
        "/client config channel #facturation",
        "Choisissez votre devise\u00a0: /client config currency EUR",
      ],
      help: "Aide",
    },
  ])("sends the installer the three first steps and a help button by DM, once ($lang)", async (c) => {
    const owner = s.fake.users.get(OWNER);
    if (owner) owner.locale = c.locale;
    const done = await install();
    expect(done.status).toBe(200);
    const [welcome, ...more] = dms();
    expect(more).toEqual([]);
    expect(welcome?.token).toBe("xoxb-installed-token");
    for (const line of c.lines) expect(text(welcome)).toContain(line);
    const buttons = ((welcome?.args.blocks as Json[]) ?? []).filter((b) => b.type === "actions");
    expect(JSON.stringify(buttons)).toContain(`"text":"${c.help}"`);
    expect(JSON.stringify(buttons)).toContain('"value":"help"');

    // Installed again (new scopes, a reinstall): no second welcome.
    s.fake.reset();
    expect((await install()).status).toBe(200);
    expect(dms()).toEqual([]);

    // The help button answers with the help.
    await s.press("help", { channel: `D${OWNER}` });
    expect(s.sent()).toContain("/client late");
  });
});
