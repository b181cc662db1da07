import { fileURLToPath } from "node:url";
import pg from "pg";
import { logged, type Spawned, spawnTact } from "../../ops/support/spawn-tact.ts";
import { FakeSlackApi } from "../../slack/fake-slack-api.ts";
import { OFFLINE_RATES } from "../../support/offline-rates.ts";
import { send, slackCommand } from "../../support/signed-requests.ts";

export const SIGNING_SECRET = "soak-test-signing-secret";
const fixture = fileURLToPath(new URL("../fixtures/serve-soak.ts", import.meta.url));

export interface RunningTact {
  process: Spawned;
  port: number;
  /** Kills the process at once (SIGKILL), as a crash or an OOM kill would. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts Tact (Slack over HTTP, the fake Slack API) in its own process and waits until it is ready. */
export async function startTact(
  slack: FakeSlackApi,
  env: { DATABASE_URL: string; SOAK_NOW?: string; SOAK_TICK_MS?: string },
): Promise<RunningTact> {
  const spawned = spawnTact(["--import", "tsx", fixture], {
    env: {
      PATH: process.env.PATH,
      ...OFFLINE_RATES,
      PORT: "0",
      LOG_LEVEL: "info",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: "xoxb-soak-test-token",
      SLACK_API_URL: slack.apiUrl,
      ...env,
    },
  });
  const ready = await spawned.waitFor(logged("Tact is ready"));
  return {
    process: spawned,
    port: Number(ready.port),
    async kill() {
      spawned.child.kill("SIGKILL");
      await spawned.exited;
    },
    async stop() {
      if (spawned.child.exitCode === null && spawned.child.signalCode === null) spawned.child.kill("SIGTERM");
      await spawned.exited;
    },
  };
}

/** The fake Slack of the soak tests: workspace T0SOAK and its owner; Slack's clock at `now` (the soak's), else the real one. */
export async function startSlack(now?: string): Promise<FakeSlackApi> {
  const slack = await FakeSlackApi.start({
    teamId: "T0SOAK",
    users: [{ id: "U0OWNER", name: "owner", tz: "UTC", is_primary_owner: true }],
  });
  slack.now = now ? () => Date.parse(now) : () => Date.now();
  return slack;
}

/** A signed `/client <text>` as Slack sends it; the answer goes to `answerId` on the fake. */
export async function slashCommand(
  tact: RunningTact,
  slack: FakeSlackApi,
  input: { text: string; answerId: string; team?: string; user?: string; nowMs?: number },
): Promise<number> {
  const fields = {
    team_id: input.team ?? "T0SOAK",
    user_id: input.user ?? "U0OWNER",
    text: input.text,
    response_url: slack.responseUrl(input.answerId),
    trigger_id: `${input.answerId}.trigger`,
  };
  const res = await send(
    `http://127.0.0.1:${tact.port}`,
    slackCommand(SIGNING_SECRET, fields, new Date(input.nowMs ?? Date.now())),
  );
  // The answer travels in the acknowledgement when it is ready in time; else at the response_url.
  const acked = await res.text();
  if (acked) slack.recordAck(input.answerId, acked.startsWith("{") ? JSON.parse(acked) : { text: acked });
  return res.status;
}

/**
 * Workspaces whose 09:00 digest is due, each with a client and overdue invoices that reach a
 * reminder stage (alerts), written straight into a migrated database.
 */
export async function seedDueWorkspaces(url: string, count: number, overduePerWorkspace: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `insert into workspaces (platform, external_id, owner_user_id, timezone, digest_channel, digest_time, digest_days, created_at)
       select 'slack', 'T0SOAK' || g, 'U0OWNER', 'UTC', 'C0SOAK' || g, '09:00', '{1,2,3,4,5,6,7}', timestamptz '2020-01-01'
       from generate_series(1, $1::int) g`,
      [count],
    );
    await client.query(
      `insert into clients (workspace_id, slug, display_name, created_by)
       select id, 'client-' || id, 'Client ' || id, 'U0OWNER' from workspaces`,
    );
    await client.query(
      `insert into invoices (workspace_id, client_id, number, amount_minor, currency, issued_on, due_on, created_by)
       select c.workspace_id, c.id, 'INV-' || c.id || '-' || n, 100000 + n, 'EUR',
         date '2026-09-01' + n * 7, date '2026-10-01' + n * 7, 'U0OWNER'
       from clients c cross join generate_series(1, $1::int) n`,
      [overduePerWorkspace],
    );
  } finally {
    await client.end();
  }
}

/** Rows of a query on the soak database. */
export async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}
