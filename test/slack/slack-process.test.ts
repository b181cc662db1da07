import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";
import { send, slackCommand } from "../support/signed-requests.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { OWNER, SIGNING_SECRET, TEAM, USERS } from "./slack-harness.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

/** `npm start` with only the three Slack settings (and a free port, a data directory). */
function startBot(
  fake: FakeSlackApi,
  dataDir: string,
): { child: ChildProcess; port: Promise<number>; exit: Promise<number | null> } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...OFFLINE_RATES,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: "0",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-process-token",
    SLACK_API_URL: fake.apiUrl,
  };
  const child = spawn(tsx, ["src/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const port = new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      out += d;
      const ready = /"port":(\d+)[^\n]*Tact is ready|Tact is ready[^\n]*"port":(\d+)/.exec(out);
      if (ready) resolve(Number(ready[1] ?? ready[2]));
    });
    child.on("close", () => reject(new Error(`Tact exited before it was ready:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, port, exit };
}

describe.skipIf(repeatedInPostgresPass)("npm start with Slack settings", () => {
  let fake: FakeSlackApi;
  let dataDir: string;
  beforeAll(async () => {
    fake = await FakeSlackApi.start({ teamId: TEAM, users: USERS });
    dataDir = await mkdtemp(path.join(tmpdir(), "tact-slack-"));
  });
  afterAll(async () => {
    await fake.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("serves /healthz and /slack/events, answers a command through Slack, and stops cleanly", async () => {
    const bot = startBot(fake, dataDir);
    try {
      const port = await bot.port;
      expect(fake.callsTo("auth.test")[0]?.token).toBe("xoxb-process-token");
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);

      const fields = {
        team_id: TEAM,
        channel_id: "C0GENERAL",
        user_id: OWNER,
        user_name: "dana",
        text: "add acme ACME Corp",
        response_url: fake.responseUrl("process"),
        trigger_id: "1.2.process",
      };
      const res = await send(`http://127.0.0.1:${port}`, slackCommand(SIGNING_SECRET, fields));
      expect(res.status).toBe(200);
      // The answer comes back in the acknowledgement itself.
      const answer = (await res.json()) as { text?: string; response_type?: string };
      expect(answer.text).toContain("Added ACME Corp (acme)");
      expect(answer.response_type).toBe("ephemeral");
    } finally {
      bot.child.kill("SIGTERM");
    }
    expect(await bot.exit).toBe(0);
  });
});
