import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Build } from "./support/build-tact.ts";
import { BOT_TEAM, type FakePlatforms, SLACK_OWNER } from "./support/fake-platforms.ts";
import { closedLoop, type LoadTarget, loadTarget, openLoop, percentile, type Sample } from "./support/load.ts";
import { createBenchDatabase } from "./support/postgres-db.ts";
import { fmt, type Row, ratio } from "./support/report.ts";
import { pause, type ServerProcess, startServer } from "./support/server-process.ts";
import { type DiscordKeys, discordKeys, SLACK_SIGNING_SECRET, slackCommand } from "./support/signed-requests.ts";

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

const TEAMS = Array.from({ length: 10 }, (_, i) => `T0BENCH${i}`);
const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");

/** The environment of a server with Slack and Discord in HTTP mode, on the fakes. */
export function serverEnv(fake: FakePlatforms, keys: DiscordKeys, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    PORT: "0",
    LOG_LEVEL: "info",
    SLACK_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_API_URL: fake.slackApiUrl,
    DISCORD_TOKEN: "bench-discord-token",
    DISCORD_APPLICATION_ID: "1900000000000000001",
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    DISCORD_API_URL: fake.discordApiUrl,
    ...extra,
  };
}

/** A `/client late` from one of many people in one of ten workspaces; its confirmation comes back as `id`. */
function lateCommand(fake: FakePlatforms, run: string, i: number, id = `${run}${i}`) {
  return slackCommand({
    team: TEAMS[i % TEAMS.length] ?? BOT_TEAM,
    user: `U0P${i % 50}`,
    text: `late acme slow payment again ${run}${i}`,
    responseUrl: fake.responseUrl(id),
    triggerId: `${run}.${i}.${randomBytes(3).toString("hex")}`,
  });
}

/**
 * Command throughput: signed `/client late` slash commands into /slack/events, against a
 * bare Bolt app that only acknowledges the same requests. Tact's work is counted as done
 * when the confirmation reaches the response_url (the incident is written before it is
 * sent); the bare app's when its HTTP answer arrives.
 */
export async function throughputBenchmark(o: ThroughputOptions): Promise<ThroughputResult> {
  const db = await createBenchDatabase("throughput");
  const notes: string[] = [];
  let tact: ServerProcess | undefined;
  let bare: ServerProcess | undefined;
  try {
    tact = await startServer([...(process.env.BENCH_NODE_ARGS?.split(" ") ?? []), o.build.main], {
      env: serverEnv(o.fake, discordKeys(), { DATABASE_URL: db.url }),
      ready: "Tact is ready",
    });
    const target = loadTarget(`http://127.0.0.1:${tact.port}`, o.concurrency);
    // Warm-up: each workspace seen once (its owner looked up), a client, the code paths hot.
    o.fake.reset();
    for (const [i, team] of TEAMS.entries()) {
      await closedLoop(target, {
        total: 1,
        concurrency: 1,
        make: () =>
          slackCommand({
            team,
            user: SLACK_OWNER,
            text: "add acme ACME Corp",
            responseUrl: o.fake.responseUrl(`add${i}`),
            triggerId: `add.${i}.${randomBytes(3).toString("hex")}`,
          }),
      });
    }
    await o.fake.waitForArrivals(TEAMS.length);
    await runTact(o, target, "w", o.warmup, 16);

    const max = await runTact(o, target, "m", o.total, o.concurrency);
    const steady = await runTactSteady(o, target);
    const [written] = await db.query<{ n: number }>(
      "select count(*)::int as n from incidents where kind = 'late' and note like 'slow payment again %'",
    );
    const expected = o.warmup + o.total + o.rate * o.seconds;
    if (Number(written?.n) !== expected)
      notes.push(`Incidents written: ${written?.n} of ${expected} commands (every one should be).`);
    else notes.push(`Every command wrote its incident: ${expected} incidents for ${expected} commands.`);
    if (tact.problems.length > 0) {
      const kinds = new Map<string, number>();
      for (const line of tact.problems) {
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 120);
        kinds.set(msg, (kinds.get(msg) ?? 0) + 1);
      }
      const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3);
      notes.push(
        `Tact logged ${tact.problems.length} warnings or errors during the run: ${top.map(([m, n]) => `${n} × "${m}"`).join("; ")}.`,
      );
    }
    await tact.stop();
    tact = undefined;

    bare = await startServer([path.join(fixtures, "bare-bolt.mjs")], {
      env: serverEnv(o.fake, discordKeys(), {}),
      ready: "ready",
    });
    const bareTarget = loadTarget(`http://127.0.0.1:${bare.port}`, o.concurrency);
    await closedLoop(bareTarget, { total: o.warmup, concurrency: 16, make: (i) => lateCommand(o.fake, "bw", i) });
    const bareMax = await closedLoop(bareTarget, {
      total: o.total,
      concurrency: o.concurrency,
      make: (i) => lateCommand(o.fake, "bm", i),
    });
    await pause(500);
    const bareSteady = await openLoop(bareTarget, {
      rate: o.rate,
      total: o.rate * o.seconds,
      make: (i) => lateCommand(o.fake, "bs", i),
    });
    await bare.stop();
    bare = undefined;

    const bareRps = bareMax.samples.length / bareMax.seconds;
    const bareAcks = bareSteady.samples.map((s) => s.ms);
    const failures = [...max.samples, ...steady.samples, ...bareMax.samples, ...bareSteady.samples].filter(
      (s) => s.status !== 200,
    ).length;
    if (failures > 0) notes.push(`${failures} requests were not answered 200.`);
    const b = "1. command throughput";
    const steadyLabel = `steady ${o.rate} req/s`;
    return {
      notes,
      rows: [
        {
          benchmark: b,
          metric: `req/s, ${o.total} commands, ${o.concurrency} at a time (done = confirmation posted)`,
          tact: fmt(max.rps, 0),
          baseline: fmt(bareRps, 0),
          ratio: ratio(max.rps, bareRps),
          goal: "≥ 0.5× the bare app",
          met: max.rps >= bareRps / 2,
        },
        {
          benchmark: b,
          metric: "same run: p50 / p99 HTTP answer (ms)",
          tact: `${fmt(percentile(max.acks, 50))} / ${fmt(percentile(max.acks, 99))}`,
          baseline: `${fmt(
            percentile(
              bareMax.samples.map((s) => s.ms),
              50,
            ),
          )} / ${fmt(
            percentile(
              bareMax.samples.map((s) => s.ms),
              99,
            ),
          )}`,
          ratio: "",
          goal: "",
        },
        {
          benchmark: b,
          metric: `${steadyLabel}: p50 / p99 HTTP answer (ms)`,
          tact: `${fmt(percentile(steady.acks, 50))} / ${fmt(percentile(steady.acks, 99))}`,
          baseline: `${fmt(percentile(bareAcks, 50))} / ${fmt(percentile(bareAcks, 99))}`,
          ratio: ratio(percentile(steady.acks, 99), percentile(bareAcks, 99)),
          goal: "p99 < 50 ms",
          met: percentile(steady.acks, 99) < 50,
        },
        {
          benchmark: b,
          metric: `${steadyLabel}: p50 / p99 until the confirmation is posted (ms)`,
          tact: `${fmt(percentile(steady.done, 50))} / ${fmt(percentile(steady.done, 99))}`,
          baseline: "",
          ratio: "",
          goal: "p99 < 50 ms",
          met: percentile(steady.done, 99) < 50,
        },
      ],
    };
  } finally {
    await tact?.stop();
    await bare?.stop();
    await db.drop();
  }
}

interface TactRun {
  rps: number;
  acks: number[];
  /** ms from sending to the confirmation's arrival. */
  done: number[];
  samples: Sample[];
}

async function runTact(o: ThroughputOptions, target: LoadTarget, run: string, total: number, concurrency: number) {
  o.fake.reset();
  const started = performance.now();
  const { samples } = await closedLoop(target, { total, concurrency, make: (i) => lateCommand(o.fake, run, i) });
  await o.fake.waitForArrivals(total);
  return summarise(o, run, samples, started);
}

async function runTactSteady(o: ThroughputOptions, target: LoadTarget): Promise<TactRun> {
  o.fake.reset();
  await pause(500);
  const started = performance.now();
  const total = o.rate * o.seconds;
  const { samples } = await openLoop(target, { rate: o.rate, total, make: (i) => lateCommand(o.fake, "s", i) });
  await o.fake.waitForArrivals(total);
  return summarise(o, "s", samples, started);
}

function summarise(o: ThroughputOptions, run: string, samples: Sample[], started: number): TactRun {
  const arrivals = samples.map((s) => o.fake.arrivals.get(`${run}${s.index}`) ?? Number.NaN);
  const last = Math.max(...arrivals);
  return {
    rps: samples.length / ((last - started) / 1000),
    acks: samples.map((s) => s.ms),
    done: samples.map((s, i) => (arrivals[i] ?? Number.NaN) - s.sentAt),
    samples,
  };
}
