import { beforeAll, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { workspaces } from "../../db/schema/index.ts";
import { fixture, OWNER, TEAM, useSlack } from "./slack-harness.ts";

/**
 * Socket Mode: Tact opens a WebSocket (apps.connections.open with the app token) and Slack
 * sends envelopes through it, each acknowledged by its envelope_id. The same handlers answer.
 */
describe("Socket Mode", () => {
  const s = useSlack({ env: { SLACK_APP_TOKEN: "xapp-1-A0APP-1-secret", SLACK_SIGNING_SECRET: "" } });
  const acks: Record<string, unknown>[] = [];
  let socket: WebSocket | undefined;

  beforeAll(() => {
    const wss = new WebSocketServer({ server: s.fake.server, path: "/socket-mode" });
    wss.on("connection", (ws) => {
      socket = ws;
      ws.on("message", (data) => acks.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: {} }));
    });
  });

  it("connects with the app token, answers a slash command envelope, and takes nothing over HTTP", async () => {
    expect(socket).toBeDefined();
    const command = {
      ...(fixture("slash-command") as Record<string, string>),
      team_id: TEAM,
      channel_id: "C0GENERAL",
      user_id: OWNER,
      user_name: "dana",
      text: "add acme ACME Corp",
      response_url: s.fake.responseUrl("socket"),
      trigger_id: "9.9.socket",
    };
    socket?.send(
      JSON.stringify({
        envelope_id: "env-1",
        type: "slash_commands",
        payload: command,
        accepts_response_payload: true,
      }),
    );
    // One message over the socket: the answer travels in the envelope's acknowledgement.
    await expect.poll(() => acks.find((a) => a.envelope_id === "env-1")).toBeDefined();
    const ack = acks.find((a) => a.envelope_id === "env-1") as { payload?: { text?: string; response_type?: string } };
    expect(ack.payload?.text).toContain("Added ACME Corp (acme)");
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(s.fake.responses.filter((r) => r.id === "socket")).toEqual([]);

    const http = await fetch(`${s.url}/slack/events`, { method: "POST", body: "{}" });
    expect(http.status).toBe(404);
  });

  it("refuses an envelope from a workspace the bot token does not serve, in the acknowledgement", async () => {
    s.fake.reset();
    const command = {
      ...(fixture("slash-command") as Record<string, string>),
      team_id: "T0OTHER",
      channel_id: "C0GENERAL",
      user_id: "U0STRANGER",
      user_name: "mallory",
      text: "add acme ACME Corp",
      response_url: s.fake.responseUrl("socket-other"),
      trigger_id: "9.9.other",
    };
    socket?.send(
      JSON.stringify({
        envelope_id: "env-2",
        type: "slash_commands",
        payload: command,
        accepts_response_payload: true,
      }),
    );
    await expect.poll(() => acks.find((a) => a.envelope_id === "env-2")).toBeDefined();
    const ack = acks.find((a) => a.envelope_id === "env-2") as { payload?: { text?: string } };
    expect(ack.payload?.text).toContain("isn't set up for this Slack workspace");
    await s.adapter.settled();
    expect(s.fake.calls).toEqual([]);
    expect(s.fake.responses).toEqual([]);
    expect(await s.h.db.db.select().from(workspaces)).toEqual([]);
  });
});
