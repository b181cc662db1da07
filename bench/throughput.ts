import path from "node:path";
import { APP_ID } from "../test/discord/payloads.ts";
import { type DiscordKeys, discordKeys } from "../test/support/signed-requests.ts";
import type { Build } from "./support/build-tact.ts";
import {
  answersArrived,
  BOT_TEAM,
  benchCommand,
  type FakePlatforms,
  SLACK_OWNER,
  SLACK_SIGNING_SECRET,
} from "./support/fake-platforms.ts";
import {
  answersInline,
  closedLoop,
  type LoadTarget,
  loadTarget,
  openLoop,
  percentile,
  type Sample,
} from "./support/load.ts";
import { type BenchDatabase, createBenchDatabase } from "./support/postgres-db.ts";
import { fmt, type Row, ratio } from "./support/report.ts";
import { pause, type ServerProcess, startServer } from "./support/server-process.ts";

export interface ThroughputOptions {
  build: Build;
  fake: FakePlatforms;
  /** Requests in the as-fast-as-possible run. */
  total: number;
  concurrency: number;
  /** The steady run: this many requests per second… */
  rate: number;
  /** …for this many seconds. */
  seconds: number;
  warmup: number;
}

export interface ThroughputResult {
  rows: Row[];
  notes: string[];
}

/**
 * The workspace the bot token serves: with one SLACK_BOT_TOKEN Tact serves that token's
 * workspace only (others are refused, issue 19), as the fake's auth.test reports it.
 */
const TEAMS = [BOT_TEAM];
const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");
/** How long the answers of a run may take to arrive before the missing ones count as lost. */
const ANSWER_TIMEOUT_MS = 60_000;

/** The environment of a server with Slack and Discord in HTTP mode, on the fakes. */
export function serverEnv(fake: FakePlatforms, keys: DiscordKeys, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    PORT: "0",
    LOG_LEVEL: "info",
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_API_URL: fake.slack.apiUrl,
    DISCORD_TOKEN: "bench-discord-token",
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: fake.discord.url,
    ...extra,
  };
}

/** A `/client late` from one of many people in one of ten workspaces; a later answer comes back as `id`. */
function lateCommand(fake: FakePlatforms, run: string, i: number) {
  const team = TEAMS[i % TEAMS.length] ?? BOT_TEAM;
  return benchCommand(fake, team, `U0P${i % 50}`, `late acme slow payment again ${run}${i}`, `${run}${i}`);
}

/** One run's figures, for Tact or the minimal app: a command is done when its answer has reached Slack. */
interface Run {
  /** Commands done a second, from the first sent to the last answer. */
  rps: number;
  /** ms from sending to the HTTP acknowledgement. */
  acks: number[];
  /** ms from sending to the answer: the acknowledgement itself, or the post to response_url. */
  answers: number[];
  sent: number;
  /** Answered in the acknowledgement. */
  inline: number;
  /** Never answered (within ANSWER_TIMEOUT_MS), or acknowledged with an error status. */
  unanswered: number;
}

/**
 * Command throughput: signed `/client late` slash commands into /slack/events. Baseline
 * (issue #16): a minimal Bolt app that verifies the request, INSERTs one row into PostgreSQL
 * and answers in the acknowledgement (`bench/fixtures/minimal-write.mjs`). A command is done
 * when its answer reached Slack: in the acknowledgement, or posted to its response_url (as
 * Tact answers today). The bare Bolt app that only acknowledges is shown for reference.
 */
export async function throughputBenchmark(o: ThroughputOptions): Promise<ThroughputResult> {
  const db = await createBenchDatabase("throughput");
  const minimalDb = await createBenchDatabase("minimal");
  const notes: string[] = [];
  let server: ServerProcess | undefined;
  try {
    server = await startServer([...(process.env.BENCH_NODE_ARGS?.split(" ") ?? []), o.build.main], {
      env: serverEnv(o.fake, discordKeys(), { DATABASE_URL: db.url }),
      ready: "Tact is ready",
    });
    const target = loadTarget(`http://127.0.0.1:${server.port}`, o.concurrency);
    // Warm-up: each workspace seen once (its owner looked up), a client, the code paths hot.
    o.fake.slack.reset();
    let answeredLater = 0;
    for (const [i, team] of TEAMS.entries()) {
      const { samples } = await closedLoop(target, {
        total: 1,
        concurrency: 1,
        make: () => benchCommand(o.fake, team, SLACK_OWNER, "add acme ACME Corp", `add${i}`),
      });
      // Answered in the acknowledgement, or later at its response_url.
      answeredLater += samples.filter((s) => s.status === 200 && !answersInline(s)).length;
    }
    await answersArrived(o.fake, answeredLater);
    await runMax(o, target, "w", o.warmup, 16);
    const max = await runMax(o, target, "m", o.total, o.concurrency);
    const steady = await runSteady(o, target, "s");
    const tactWritten = await countRows(
      db,
      "select count(*)::int as n from incidents where kind = 'late' and note like 'slow payment again %'",
    );
    if (server.problems.length > 0) notes.push(problemsNote("Tact", server.problems));
    await server.stop();

    server = await startServer([path.join(fixtures, "minimal-write.mjs")], {
      env: serverEnv(o.fake, discordKeys(), { DATABASE_URL: minimalDb.url }),
      ready: "ready",
    });
    const minimalTarget = loadTarget(`http://127.0.0.1:${server.port}`, o.concurrency);
    await runMax(o, minimalTarget, "mw", o.warmup, 16);
    const minimalMax = await runMax(o, minimalTarget, "mm", o.total, o.concurrency);
    const minimalSteady = await runSteady(o, minimalTarget, "ms");
    const minimalWritten = await countRows(minimalDb, "select count(*)::int as n from minimal_commands");
    await server.stop();

    server = await startServer([path.join(fixtures, "bare-bolt.mjs")], {
      env: serverEnv(o.fake, discordKeys(), {}),
      ready: "ready",
    });
    const bareTarget = loadTarget(`http://127.0.0.1:${server.port}`, o.concurrency);
    await closedLoop(bareTarget, { total: o.warmup, concurrency: 16, make: (i) => lateCommand(o.fake, "bw", i) });
    const bare = await closedLoop(bareTarget, {
      total: o.total,
      concurrency: o.concurrency,
      make: (i) => lateCommand(o.fake, "bm", i),
    });
    await server.stop();
    server = undefined;

    const sent = o.warmup + o.total + o.rate * o.seconds;
    const lost = (written: number, runs: Run[]) =>
      Math.max(
        sent - written,
        runs.reduce((n, r) => n + r.unanswered, 0),
      );
    const tactLost = lost(tactWritten, [max, steady]);
    const minimalLost = lost(minimalWritten, [minimalMax, minimalSteady]);
    notes.push(
      `Tact wrote ${tactWritten} incidents for ${sent} commands and answered ${max.inline + steady.inline} of the ${o.total + o.rate * o.seconds} measured ones in the acknowledgement (the others at response_url); the minimal app wrote ${minimalWritten} rows.`,
    );
    const bareRps = bare.samples.length / bare.seconds;
    const b = "1. command throughput";
    const pair = (values: number[]) => `${fmt(percentile(values, 50))} / ${fmt(percentile(values, 99))}`;
    const steadyLabel = `steady ${o.rate} req/s`;
    return {
      notes,
      rows: [
        {
          benchmark: b,
          metric: `req/s, ${o.total} commands, ${o.concurrency} at a time (done = answer reached Slack)`,
          tact: fmt(max.rps, 0),
          baseline: fmt(minimalMax.rps, 0),
          ratio: ratio(max.rps, minimalMax.rps),
          goal: "≥ 0.6× the minimal app",
          met: max.rps >= 0.6 * minimalMax.rps,
        },
        {
          benchmark: b,
          metric: "same run: p50 / p99 until the answer (ms)",
          tact: pair(max.answers),
          baseline: pair(minimalMax.answers),
          ratio: "",
          goal: "",
        },
        {
          benchmark: b,
          metric: `${steadyLabel}: p50 / p99 until the answer (ms)`,
          tact: pair(steady.answers),
          baseline: pair(minimalSteady.answers),
          ratio: ratio(percentile(steady.answers, 99), percentile(minimalSteady.answers, 99)),
          goal: "p99 < 100 ms",
          met: percentile(steady.answers, 99) < 100,
        },
        {
          benchmark: b,
          metric: `${steadyLabel}: p50 / p99 HTTP acknowledgement (ms)`,
          tact: pair(steady.acks),
          baseline: pair(minimalSteady.acks),
          ratio: "",
          goal: "",
        },
        {
          benchmark: b,
          metric: `commands lost (not written or not answered), of ${sent}`,
          tact: String(tactLost),
          baseline: String(minimalLost),
          ratio: "",
          goal: "0",
          met: tactLost === 0,
        },
        {
          benchmark: b,
          metric: "for reference: a bare Bolt app that only acknowledges, req/s",
          tact: fmt(max.rps, 0),
          baseline: fmt(bareRps, 0),
          ratio: ratio(max.rps, bareRps),
          goal: "",
        },
      ],
    };
  } finally {
    await server?.stop();
    await db.drop();
    await minimalDb.drop();
  }
}

/** As fast as `concurrency` senders go, each sending its next once the last is acknowledged. */
async function runMax(o: ThroughputOptions, target: LoadTarget, run: string, total: number, concurrency: number) {
  o.fake.slack.reset();
  const started = performance.now();
  const { samples } = await closedLoop(target, { total, concurrency, make: (i) => lateCommand(o.fake, run, i) });
  return summarise(o, run, samples, started);
}

/** A steady rate, whatever the answers' speed (an open loop, as Slack sends them). */
async function runSteady(o: ThroughputOptions, target: LoadTarget, run: string): Promise<Run> {
  o.fake.slack.reset();
  await pause(500);
  const started = performance.now();
  const total = o.rate * o.seconds;
  const { samples } = await openLoop(target, { rate: o.rate, total, make: (i) => lateCommand(o.fake, run, i) });
  return summarise(o, run, samples, started);
}

async function summarise(o: ThroughputOptions, run: string, samples: Sample[], started: number): Promise<Run> {
  const inline = samples.filter(answersInline);
  const later = samples.filter((s) => s.status === 200 && !answersInline(s));
  await answersArrived(o.fake, later.length, ANSWER_TIMEOUT_MS).catch(() => {});
  const answeredAt = (s: Sample) =>
    answersInline(s) ? s.sentAt + s.ms : (o.fake.slack.answeredAt.get(`${run}${s.index}`) ?? Number.NaN);
  const answers = samples.map((s) => answeredAt(s) - s.sentAt).filter(Number.isFinite);
  const last = Math.max(...samples.map(answeredAt).filter(Number.isFinite));
  return {
    rps: answers.length / ((last - started) / 1000),
    acks: samples.map((s) => s.ms),
    answers,
    sent: samples.length,
    inline: inline.length,
    unanswered: samples.length - answers.length,
  };
}

async function countRows(db: BenchDatabase, query: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

function problemsNote(who: string, problems: string[]): string {
  const kinds = new Map<string, number>();
  for (const line of problems) {
    const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 120);
    kinds.set(msg, (kinds.get(msg) ?? 0) + 1);
  }
  const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return `${who} logged ${problems.length} warnings or errors during the run: ${top.map(([m, n]) => `${n} × "${m}"`).join("; ")}.`;
}
