import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { slashCommand } from "../test/discord/payloads.ts";
import { type DiscordKeys, discordInteraction, discordKeys } from "../test/support/signed-requests.ts";
import type { Build } from "./support/build-tact.ts";
import {
  answersArrived,
  BOT_TEAM,
  benchCommand,
  DISCORD_OWNER,
  type FakePlatforms,
  SLACK_OWNER,
} from "./support/fake-platforms.ts";
import { answersInline, closedLoop, loadTarget } from "./support/load.ts";
import { createBenchDatabase } from "./support/postgres-db.ts";
import { fmt, type Row, ratio } from "./support/report.ts";
import { pause, type ServerProcess, startServer } from "./support/server-process.ts";
import { serverEnv } from "./throughput.ts";

export interface MemoryOptions {
  build: Build;
  fake: FakePlatforms;
  commands: number;
}

const fixtures = path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures");
/** How long a server is left alone before its RSS is read. */
const SETTLE_MS = 3_000;

/**
 * Memory: the RSS of the compiled bot with Slack and Discord in HTTP mode on PostgreSQL,
 * idle, then after `commands` commands (half from Slack, half from Discord); against a bare
 * Bolt app idle and after the same number of acknowledged commands.
 */
export async function memoryBenchmark(o: MemoryOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const db = await createBenchDatabase("memory");
  const keys = discordKeys();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tact-bench-pglite-"));
  let server: ServerProcess | undefined;
  try {
    server = await startServer([o.build.main], {
      env: serverEnv(o.fake, keys, { DATABASE_URL: db.url }),
      ready: "Tact is ready",
    });
    await pause(SETTLE_MS);
    const idle = server.rssMb();
    const answered = await commands(o, server, keys, o.commands);
    await pause(SETTLE_MS);
    const after = server.rssMb();
    await pause(SETTLE_MS * 2);
    const later = server.rssMb();
    // A second load of the same size: a leak grows again; a runtime warming up does not.
    const answeredAgain = await commands(o, server, keys, o.commands, 1);
    await pause(SETTLE_MS);
    const again = server.rssMb();
    const [written] = await db.query<{ n: number }>("select count(*)::int as n from incidents");
    await server.stop();

    server = await startServer([o.build.main], {
      env: serverEnv(o.fake, keys, { DATA_DIR: dataDir }),
      ready: "Tact is ready",
      timeoutMs: 60_000,
    });
    await pause(SETTLE_MS);
    const embeddedIdle = server.rssMb();
    await server.stop();

    server = await startServer([path.join(fixtures, "bare-bolt.mjs")], {
      env: serverEnv(o.fake, keys, {}),
      ready: "ready",
    });
    await pause(SETTLE_MS);
    const bareIdle = server.rssMb();
    const target = loadTarget(`http://127.0.0.1:${server.port}`, 16);
    await closedLoop(target, {
      total: o.commands,
      concurrency: 16,
      make: (i) => benchCommand(o.fake, BOT_TEAM, `U0P${i % 50}`, `late acme memory ${i}`, `bare${i}`),
    });
    await pause(SETTLE_MS);
    const bareAfter = server.rssMb();
    await server.stop();
    server = undefined;

    const growth = (after - idle) / idle;
    const bareGrowth = (bareAfter - bareIdle) / bareIdle;
    const b = "3. memory";
    return {
      notes: [
        `${answered + answeredAgain} of ${2 * o.commands} commands answered; ${written?.n} incidents written.`,
        `RSS ${fmt((SETTLE_MS * 3) / 1000, 0)} s after the load: ${fmt(later)} MB.`,
      ],
      rows: [
        {
          benchmark: b,
          metric: "RSS idle, Slack + Discord HTTP, PostgreSQL (MB)",
          tact: fmt(idle),
          baseline: fmt(bareIdle),
          ratio: ratio(idle, bareIdle),
          goal: "< 150 MB",
          met: idle < 150,
        },
        {
          benchmark: b,
          metric: `RSS after ${o.commands.toLocaleString("en-US")} commands (MB)`,
          tact: fmt(after),
          baseline: fmt(bareAfter),
          ratio: ratio(after, bareAfter),
          goal: "",
        },
        {
          benchmark: b,
          metric: "growth after the commands",
          tact: `${fmt(growth * 100)} %`,
          baseline: `${fmt(bareGrowth * 100)} %`,
          ratio: "",
          goal: "< 10 %",
          met: growth < 0.1,
        },
        {
          benchmark: b,
          metric: `RSS after ${o.commands.toLocaleString("en-US")} more commands: growth over the first load`,
          tact: `${fmt(again)} MB, ${fmt(((again - after) / after) * 100)} %`,
          baseline: "",
          ratio: "",
          goal: "",
        },
        {
          benchmark: b,
          metric: "RSS idle, embedded PGlite (MB)",
          tact: fmt(embeddedIdle),
          baseline: fmt(bareIdle),
          ratio: ratio(embeddedIdle, bareIdle),
          goal: "",
        },
      ],
    };
  } finally {
    await server?.stop();
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Half from Slack, half from Discord, 16 at a time; returns how many were answered. */
async function commands(
  o: MemoryOptions,
  server: ServerProcess,
  keys: DiscordKeys,
  total: number,
  round = 0,
): Promise<number> {
  const target = loadTarget(`http://127.0.0.1:${server.port}`, 16);
  o.fake.slack.reset();
  const added = await closedLoop(target, {
    total: 1,
    concurrency: 1,
    make: () => benchCommand(o.fake, BOT_TEAM, SLACK_OWNER, "add acme ACME Corp", `add-slack-${round}`),
  });
  // Answered in the acknowledgement, or later at its response_url.
  if (!added.samples.every(answersInline)) await answersArrived(o.fake, 1);
  await closedLoop(target, {
    total: 1,
    concurrency: 1,
    make: () =>
      discordInteraction(keys, slashCommand("add", { slug: "acme", name: "ACME Corp" }, { user: DISCORD_OWNER })),
  });
  o.fake.slack.reset();
  const half = Math.floor(total / 2);
  // Each sender waits for its command's confirmation: 16 commands in flight, no backlog.
  const slack = closedLoop(target, {
    total: half,
    concurrency: 8,
    done: async (i, sample) => {
      const id = `mem${round}-${i}`;
      if (!answersInline(sample)) await o.fake.slack.waitFor((slack) => slack.answeredAt.has(id), 120_000, id);
    },
    make: (i) => benchCommand(o.fake, BOT_TEAM, `U0P${i % 50}`, `late acme memory ${i}`, `mem${round}-${i}`),
  });
  const discord = closedLoop(target, {
    total: total - half,
    concurrency: 8,
    make: (i) =>
      discordInteraction(
        keys,
        slashCommand(
          "late",
          { client: "acme", note: `memory ${i}` },
          { user: String(3_000_000_000_000_000_000n + BigInt(i % 50)) },
        ),
      ),
  });
  const [s, d] = await Promise.all([slack, discord]);
  const inline = s.samples.filter(answersInline).length;
  await answersArrived(o.fake, half - inline);
  return half + d.samples.filter((s) => s.status === 200 && s.body.includes('"type":4')).length;
}
