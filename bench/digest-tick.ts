import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import pg from "pg";
import pino from "pino";
import { createSlackAdapter } from "../adapters/slack/slack-adapter.ts";
import { openDatabase } from "../db/database.ts";
import { FixedClock } from "../src/clock.ts";
import { actionList, commandList } from "../src/commands/registry.ts";
import { readConfig } from "../src/config.ts";
import { createCore } from "../src/core/create-core.ts";
import type { Outbox } from "../src/core/outbox.ts";
import { createHttpServer } from "../src/http/create-http-server.ts";
import { runTick } from "../src/scheduler/run-tick.ts";
import { FakeSlackApi } from "../test/slack/fake-slack-api.ts";
import { SLACK_SIGNING_SECRET } from "./support/fake-platforms.ts";
import { type BenchDatabase, createBenchDatabase } from "./support/postgres-db.ts";
import { fmt, type Row, ratio } from "./support/report.ts";

/** A moment when every generated workspace's 09:00 digest is due (Kolkata 20:30, New York 10:00). */
const NOW = "2026-11-27T15:00:00Z";
const TODAY = "2026-11-27";

export interface Scale {
  workspaces: number;
  clientsPerWorkspace: number;
  invoicesPerClient: number;
}

export const FULL: Scale = { workspaces: 1000, clientsPerWorkspace: 50, invoicesPerClient: 20 };
/** The same workspaces with a tenth of the clients and invoices: the query count must not change. */
export const SMALL: Scale = { workspaces: 1000, clientsPerWorkspace: 5, invoicesPerClient: 20 };

interface TickFigures {
  scale: Scale;
  invoices: number;
  openInvoices: number;
  generateSeconds: number;
  /** From the tick's start to its first post: the due rounds found, their data loaded, the deliveries claimed. */
  tickSeconds: number;
  /** CPU time of this process (Tact's JavaScript) over the same span; the rest is waiting for PostgreSQL. */
  tickCpuSeconds: number;
  /** From the first post to the end: every post sent to the fake and marked sent. */
  postSeconds: number;
  tickQueries: number;
  /** Of which claims of deliveries (1,000 a statement). */
  tickClaims: number;
  postQueries: number;
  rounds: number;
  sent: number;
  failed: number;
  rawSeconds: number;
  /** What the scheduler logged at warn level or above (a failed step, a workspace left out). */
  problems: string[];
}

/**
 * The digest tick: 1,000 workspaces, 50,000 clients and 1,000,000 invoices generated into
 * PostgreSQL with set-based SQL; one scheduler tick with every workspace due, posting through
 * the real Slack outbox to a local fake (timed separately), against one raw aggregate SQL
 * query over the same rows. The same tick on a tenth of the clients shows whether its query
 * count depends on them.
 */
export async function digestBenchmark(o: {
  quick: boolean;
  log: (s: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
  const small = await tickAt(o.quick ? { ...SMALL, workspaces: 100 } : SMALL, o.log);
  const full = await tickAt(o.quick ? { ...FULL, workspaces: 100 } : FULL, o.log);
  const b = "2. digest tick";
  const clients = (f: TickFigures) => (f.scale.workspaces * f.scale.clientsPerWorkspace).toLocaleString("en-US");
  const describe = (f: TickFigures) =>
    `${f.scale.workspaces.toLocaleString("en-US")} ws, ${(f.scale.workspaces * f.scale.clientsPerWorkspace).toLocaleString("en-US")} clients, ${f.invoices.toLocaleString("en-US")} invoices`;
  return {
    notes: [
      `Full scale: ${describe(full)} (${full.openInvoices.toLocaleString("en-US")} open), generated in ${fmt(full.generateSeconds)} s; the tick ran ${full.rounds} daily rounds and sent ${full.sent} posts (${full.failed} failed).`,
      `Small scale: ${describe(small)}; the tick ran ${small.rounds} rounds and sent ${small.sent} posts.`,
      ...[small, full].flatMap((f) =>
        f.problems.length > 0
          ? [`The tick at ${describe(f)} logged ${f.problems.length} problem(s), first: ${f.problems[0]}`]
          : [],
      ),
      // The outbox is given the workspace's language by the scheduler (issue 15): it reads nothing itself.
      "Posting counts the statements of the delivery marked sent, on top of the HTTP call.",
    ],
    rows: [
      {
        benchmark: b,
        metric: `tick, every workspace due (${describe(full)}), s`,
        tact: fmt(full.tickSeconds, 2),
        baseline: fmt(full.rawSeconds, 2),
        ratio: ratio(full.tickSeconds, full.rawSeconds),
        goal: "≤ 5× one raw aggregate query",
        met: full.tickSeconds <= 5 * full.rawSeconds,
      },
      {
        benchmark: b,
        metric: "same tick: CPU of Tact's process (charges, stages, risk, digests), s; the rest waits for PostgreSQL",
        tact: fmt(full.tickCpuSeconds, 2),
        baseline: "",
        ratio: "",
        goal: "",
      },
      {
        benchmark: b,
        metric: `posting ${full.sent.toLocaleString("en-US")} digests and alerts to the fake, s`,
        tact: fmt(full.postSeconds, 2),
        baseline: "",
        ratio: "",
        goal: "(timed separately)",
      },
      {
        benchmark: b,
        metric: `queries of the tick (claims, 1,000 deliveries each): ${clients(small)} clients → ${clients(full)} clients`,
        tact: `${small.tickQueries} (${small.tickClaims}) → ${full.tickQueries} (${full.tickClaims})`,
        baseline: "1",
        ratio: "",
        goal: "independent of the clients",
        met: small.tickQueries - small.tickClaims === full.tickQueries - full.tickClaims,
      },
      {
        benchmark: b,
        metric: "queries while posting, per post",
        tact: `${fmt(full.postQueries / Math.max(1, full.sent), 2)}`,
        baseline: "",
        ratio: "",
        goal: "",
      },
    ],
  };
}

export async function tickAt(scale: Scale, log: (s: string) => void): Promise<TickFigures> {
  const bench = await createBenchDatabase("digest");
  const fake = await FakeSlackApi.start();
  let queries = 0;
  // Claims are written 1,000 deliveries a statement: they follow the posts, not the data read.
  let claims = 0;
  const database = await openDatabase({
    url: bench.url,
    onQuery: (statement) => {
      queries++;
      if (/^insert into "deliveries"/i.test(statement)) claims++;
    },
  });
  try {
    log(
      `   generating ${scale.workspaces} workspaces, ${scale.workspaces * scale.clientsPerWorkspace} clients, ${scale.workspaces * scale.clientsPerWorkspace * scale.invoicesPerClient} invoices`,
    );
    const generated = performance.now();
    await generate(bench, scale);
    const generateSeconds = (performance.now() - generated) / 1000;
    const [counts] = await bench.query<{ invoices: number; open: number }>(
      "select count(*)::int as invoices, count(*) filter (where status = 'open')::int as open from invoices",
    );

    const silent = pino({ level: "silent" });
    const problems: string[] = [];
    const tickLog = pino({ level: "warn" }, { write: (line: string) => void problems.push(line.slice(0, 400)) });
    const clock = new FixedClock(NOW);
    const core = createCore({
      db: database.db,
      clock,
      log: silent,
      dataDir: "/tmp/tact-bench",
      commands: commandList(),
      actions: actionList(),
    });
    const slack = createSlackAdapter(
      {
        core,
        config: readConfig({ SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_API_URL: fake.apiUrl }),
        log: silent,
        http: createHttpServer(silent),
        clock,
      },
      { retries: 0 },
    );
    await slack.start?.();

    // The raw query warms the cache first, so both read the same pages from memory.
    await rawAggregate(bench, scale.workspaces);
    let firstPost: number | undefined;
    let queriesAtFirstPost = 0;
    let claimsAtFirstPost = 0;
    let cpuAtFirstPost: NodeJS.CpuUsage | undefined;
    let profiled: Promise<void> | undefined;
    let profile: Awaited<ReturnType<typeof startProfile>>;
    const profileName = `tick-${scale.clientsPerWorkspace * scale.workspaces}-clients`;
    const outbox: Outbox = {
      platform: "slack",
      send(workspace, effect) {
        if (firstPost === undefined) {
          firstPost = performance.now();
          queriesAtFirstPost = queries;
          claimsAtFirstPost = claims;
          cpuAtFirstPost = process.cpuUsage(cpuStart);
          // Up to the first post, as the tick's time.
          profiled = profile?.stop(profileName);
        }
        return slack.outbox.send(workspace, effect);
      },
    };
    log("   one tick, every workspace due");
    queries = 0;
    claims = 0;
    profile = await startProfile();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const report = await runTick({ db: database.db, clock, log: tickLog, outboxes: [outbox], instanceId: "bench" });
    const ended = performance.now();
    await (profiled ?? profile?.stop(profileName));
    const cpu = cpuAtFirstPost ?? process.cpuUsage(cpuStart);
    const totalQueries = queries;
    const raw: number[] = [];
    for (let i = 0; i < 3; i++) raw.push(await rawAggregate(bench, scale.workspaces));
    await slack.stop();
    const tickEnd = firstPost ?? ended;
    return {
      scale,
      invoices: Number(counts?.invoices),
      openInvoices: Number(counts?.open),
      generateSeconds,
      tickSeconds: (tickEnd - started) / 1000,
      tickCpuSeconds: (cpu.user + cpu.system) / 1e6,
      postSeconds: (ended - tickEnd) / 1000,
      tickQueries: firstPost === undefined ? totalQueries : queriesAtFirstPost,
      tickClaims: firstPost === undefined ? claims : claimsAtFirstPost,
      postQueries: totalQueries - queriesAtFirstPost,
      rounds: report.rounds,
      sent: report.sent,
      failed: report.failed,
      rawSeconds: [...raw].sort((a, b) => a - b)[1] ?? Number.NaN,
      problems,
    };
  } finally {
    await database.close();
    await fake.close();
    await bench.drop();
  }
}

/**
 * The data, set-based: per client, invoices every 18 days for about a year, all paid (with a
 * payment) but the newest ones: the last of every 4th client (due in the coming days or a
 * few days late), the one before of every 10th (two to five weeks late) and the one before
 * that of every 50th (about two months late). About 2% of the invoices are open. A hundred
 * incidents per workspace over the year, five of them in the last day.
 */
async function generate(bench: BenchDatabase, s: Scale): Promise<void> {
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  const db = { query: (text: string, values?: unknown[]) => client.query(text, values) };
  // A bench database of our own: foreign-key triggers off while loading generated rows that
  // are consistent by construction, and commits that do not wait for the disk.
  await db.query("set session_replication_role = replica");
  await db.query("set synchronous_commit = off");
  await db.query("set maintenance_work_mem = '256MB'");
  try {
    await load(db, s);
  } finally {
    await client.end();
  }
}

async function load(db: { query(text: string, values?: unknown[]): Promise<unknown> }, s: Scale): Promise<void> {
  await db.query(
    `insert into workspaces (platform, external_id, name, owner_user_id, locale, timezone, digest_channel,
       digest_time, digest_days, created_at)
     select 'slack', 'TB' || lpad(g::text, 6, '0'), 'Agency ' || g, 'U0OWNER',
       case when g % 3 = 0 then 'fr' else 'en' end,
       (array['UTC','Europe/Paris','Europe/London','America/New_York','Asia/Kolkata'])[1 + g % 5],
       'C' || g, '09:00', '{1,2,3,4,5,6,7}', timestamptz '2020-01-01'
     from generate_series(1, $1::int) g`,
    [s.workspaces],
  );
  await db.query(
    `insert into clients (workspace_id, slug, display_name, status, hosted, created_by, created_at)
     select w.id, 'client-' || c, 'Client ' || c || ' of ' || w.name, 'active', c % 4 = 0, 'U0OWNER', timestamptz '2020-01-01'
     from workspaces w, generate_series(1, $1::int) c`,
    [s.clientsPerWorkspace],
  );
  await db.query(
    `insert into invoices (workspace_id, client_id, number, amount_minor, currency, issued_on, due_on, status,
       charges_status, created_by, created_at)
     select c.workspace_id, c.id, 'INV-' || c.id || '-' || n, 10000 + (c.id * 7919 + n * 104729) % 900000, 'EUR',
       d.issued, d.issued + 14, o.state, case when o.state = 'open' then 'open' else 'settled' end,
       'U0OWNER', timestamptz '2026-01-01'
     from clients c
     cross join generate_series(1, $1::int) n
     cross join lateral (select date '${TODAY}' - (($1::int - n) * 18 + c.id % 18) as issued) d
     cross join lateral (select case
         when n = $1::int and c.id % 4 = 0 then 'open'
         when n = $1::int - 1 and c.id % 10 = 0 then 'open'
         when n = $1::int - 2 and c.id % 50 = 0 then 'open'
         else 'paid' end as state) o`,
    [s.invoicesPerClient],
  );
  await db.query(
    `insert into payments (workspace_id, invoice_id, kind, amount_minor, paid_on, recorded_by, created_at)
     select workspace_id, id, 'payment', amount_minor, due_on - 2, 'U0OWNER', timestamptz '2026-01-01'
     from invoices where status = 'paid'`,
  );
  await db.query(
    `insert into incidents (workspace_id, client_id, kind, note, reporter_id, source, occurred_at, created_at)
     select c.workspace_id, c.id, (array['late','conduct','advice','scope','ethics','flag','note'])[1 + (c.id + n) % 7],
       'generated', 'U0P1', 'slack', t.at, t.at
     from clients c
     cross join generate_series(1, $1::int) n
     cross join lateral (select timestamptz '${NOW}' - interval '2 days' - ((c.id * 37 + n * 101) % 360) * interval '1 day' as at) t`,
    [Math.max(1, Math.round(100 / s.clientsPerWorkspace))],
  );
  await db.query(
    `insert into incidents (workspace_id, client_id, kind, note, reporter_id, source, occurred_at, created_at)
     select w.id, (select min(c.id) from clients c where c.workspace_id = w.id), 'scope', 'yesterday', 'U0P2', 'slack',
       timestamptz '${NOW}' - n * interval '2 hours', timestamptz '${NOW}' - n * interval '2 hours'
     from workspaces w cross join generate_series(1, 5) n`,
  );
  await db.query("vacuum analyze");
}

/**
 * The baseline: what the digest reports, aggregated in one SQL query over the same rows —
 * per workspace, open invoices overdue and due within a week with what is still owed
 * (payments summed per invoice), and the incidents of the last day.
 */
async function rawAggregate(db: BenchDatabase, workspaces: number): Promise<number> {
  const started = performance.now();
  await db.query(
    `with open as (
       select i.workspace_id,
         count(*) filter (where i.due_on < $2::date) as overdue,
         count(*) filter (where i.due_on between $2::date and $2::date + 7) as due_soon,
         sum(i.amount_minor - coalesce(p.paid, 0)) as owed
       from invoices i
       join clients c on c.id = i.client_id and c.workspace_id = i.workspace_id and c.status <> 'offboarding'
       left join lateral (
         select sum(amount_minor) as paid from payments p where p.workspace_id = i.workspace_id and p.invoice_id = i.id
       ) p on true
       where i.workspace_id <= $1::int and (i.status = 'open' or (i.status = 'paid' and i.charges_status = 'open'))
       group by i.workspace_id
     ), recent as (
       select workspace_id, count(*) as incidents from incidents
       where created_at > $3::timestamptz - interval '1 day' and withdrawn_at is null
       group by workspace_id
     )
     select w.id, open.overdue, open.due_soon, open.owed, recent.incidents
     from workspaces w left join open on open.workspace_id = w.id left join recent on recent.workspace_id = w.id
     where w.id <= $1::int`,
    [workspaces, TODAY, NOW],
  );
  return (performance.now() - started) / 1000;
}

/**
 * BENCH_TICK_PROFILE=<dir>: a CPU profile of the tick alone (not the generation nor the raw
 * query), written there as tick-<clients>-clients.cpuprofile, to open in Chrome's DevTools.
 */
async function startProfile(): Promise<{ stop(name: string): Promise<void> } | undefined> {
  const dir = process.env.BENCH_TICK_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(name) {
      const { profile } = await session.post("Profiler.stop");
      writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    },
  };
}
