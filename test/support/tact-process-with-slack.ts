import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { OWNER, SIGNING_SECRET, TEAM, USERS } from "../slack/slack-harness.ts";
import { closedUrl } from "./closed-port.ts";
import { OFFLINE_RATES } from "./offline-rates.ts";
import { send, slackCommand } from "./signed-requests.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export interface TactProcess {
  /** Tact's HTTP port, on 127.0.0.1. */
  readonly port: number;
  readonly slack: FakeSlackApi;
  /** The end of what Tact wrote, for failure messages. */
  tail(): string;
  /** A slash command through Slack, signed, as the owner; resolves with what Tact answered. */
  command(text: string): Promise<string>;
}

/**
 * `npm start` in Slack HTTP mode (a fake Slack, a data directory, a free port known beforehand)
 * with the settings `more` returns for that port, for the whole file; `stop` ends what `more` started.
 */
export function useTactProcessWithSlack(
  name: string,
  more: (port: number) => Promise<NodeJS.ProcessEnv>,
  stop: () => Promise<void>,
): TactProcess {
  let child: ChildProcess | undefined;
  let dataDir = "";
  let seq = 0;
  const logs: string[] = [];
  const tact = {
    port: 0,
    slack: undefined as unknown as FakeSlackApi,
    tail: () => logs.join("").slice(-3000),
    async command(text: string): Promise<string> {
      const id = `cmd-${++seq}`;
      const fields = {
        team_id: TEAM,
        channel_id: "C0GENERAL",
        user_id: OWNER,
        user_name: "dana",
        text,
        response_url: tact.slack.responseUrl(id),
        trigger_id: `1.2.${id}`,
      };
      const res = await send(`http://127.0.0.1:${tact.port}`, slackCommand(SIGNING_SECRET, fields));
      expect(res.status).toBe(200);
      const acked = await res.text();
      if (acked.trim().startsWith("{")) {
        const json = JSON.parse(acked) as { text?: string; blocks?: unknown };
        if (json.text || json.blocks) return JSON.stringify(json);
      }
      await tact.slack.waitFor((f) => f.responses.some((r) => r.id === id));
      return JSON.stringify(tact.slack.responses.find((r) => r.id === id)?.body);
    },
  };

  beforeAll(async () => {
    tact.port = Number(new URL(await closedUrl()).port);
    tact.slack = await FakeSlackApi.start({ teamId: TEAM, users: USERS });
    dataDir = await mkdtemp(path.join(tmpdir(), `tact-${name}-`));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...OFFLINE_RATES,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(tact.port),
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-process-token",
      SLACK_API_URL: tact.slack.apiUrl,
      ...(await more(tact.port)),
    };
    const started = spawn(tsx, ["src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on("data", (d) => {
        logs.push(String(d));
        if (/Tact is ready/.test(logs.join(""))) resolve();
      });
      started.stderr?.on("data", (d) => logs.push(String(d)));
      started.on("close", () => reject(new Error(`Tact exited before it was ready:\n${logs.join("")}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.on("close", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await tact.slack?.close();
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  return tact;
}
