// Checks the production path the Docker image uses, without Docker: `npm run build`, then a
// copy holding only package.json, package-lock.json and dist/, production dependencies
// installed with `npm ci --omit=dev`, and the compiled bot started from it:
//   1. no platform and no terminal: refused (exit 1); console mode asked for with --console:
//      a few lines on stdin, answers on stdout (the written record saved as Markdown and PDF),
//      exit 0;
//   2. server mode (Slack configured against a fake Web API): /healthz answers 200, logs are
//      JSON without secrets, SIGTERM stops it with exit 0 within 10 s;
//   3. the compiled data tools run (`export --list`).
// Usage: node scripts/check-production.mjs   (TACT_SMOKE_DATABASE_URL=postgres://… to run
// server mode on PostgreSQL instead of the embedded database)
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(path.join(tmpdir(), "tact-prod-"));
const SECRET = "0123456789abcdef0123456789abcdef";
const TOKEN = "xoxb-1234567890-1234567890-SmokeTestTokenValue";
let failed = false;
const started = performance.now();
const step = (what) => console.log(`-- [${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);

function fail(what) {
  console.error(`FAILED: ${what}`);
  failed = true;
}

function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

/** Runs the compiled bot; resolves with its exit code and output. */
function runBot(args, { env, stdin, onLine }) {
  const child = spawn(process.execPath, args, { cwd: work, env, stdio: ["pipe", "pipe", "pipe"] });
  const out = [];
  const err = [];
  readline.createInterface({ input: child.stdout }).on("line", (line) => {
    out.push(line);
    onLine?.(line, child);
  });
  readline.createInterface({ input: child.stderr }).on("line", (line) => err.push(line));
  if (stdin !== undefined) child.stdin.end(stdin);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, out, err })));
  return { child, exited };
}

try {
  step("npm run build");
  sh("npm", ["run", "build"], root);

  step("npm ci --omit=dev in a copy holding package.json, package-lock.json and dist/");
  for (const file of ["package.json", "package-lock.json"]) cpSync(path.join(root, file), path.join(work, file));
  cpSync(path.join(root, "dist"), path.join(work, "dist"), { recursive: true });
  sh("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], work);
  for (const devOnly of ["tsx", "typescript", "vitest", "@biomejs/biome", "drizzle-kit"]) {
    if (existsSync(path.join(work, "node_modules", devOnly))) fail(`development dependency ${devOnly} was installed`);
  }
  // No reference-rate fetching in CI (no internet): the console run below points at a closed port instead.
  const baseEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: path.join(work, "data"),
    TACT_ECB_URL: "off",
    TACT_BOE_URL: "off",
  };

  step("no platform, no terminal: node dist/src/main.js < /dev/null refuses (production)");
  const noPlatform = await runBot(["dist/src/main.js"], { env: baseEnv, stdin: "" }).exited;
  if (noPlatform.code !== 1 || !noPlatform.err.join("\n").includes("in production Tact needs Slack or Discord")) {
    fail(`without a platform the compiled bot exited with ${noPlatform.code}: ${noPlatform.err.join("\n")}`);
  }

  step("console mode, no network: node dist/src/main.js --console < commands");
  // A loopback port nothing listens on (just freed): the rates fetch fails at once.
  const freed = createNetServer();
  await new Promise((resolve) => freed.listen(0, "127.0.0.1", resolve));
  const closed = `http://127.0.0.1:${freed.address().port}/`;
  await new Promise((resolve) => freed.close(resolve));
  const consoleRun = await runBot(["dist/src/main.js", "--console"], {
    env: { ...baseEnv, TACT_ECB_URL: closed, TACT_BOE_URL: closed },
    stdin: "/client add acme ACME Corp\n/client late acme\n/client show acme\n/client export acme\n",
  }).exited;
  const consoleText = consoleRun.out.join("\n");
  if (consoleRun.code !== 0) fail(`console mode exited with ${consoleRun.code}: ${consoleRun.err.join("\n")}`);
  if (!consoleText.includes("Added ACME Corp")) fail(`console mode did not answer:\n${consoleText}`);
  if (!/late payment/i.test(consoleText)) fail(`console mode did not log the incident:\n${consoleText}`);
  const rateWarnings = consoleRun.err.filter((line) => line.includes("reference rates not fetched"));
  if (rateWarnings.length !== 1)
    fail(`the failed rates fetch was logged ${rateWarnings.length} times:\n${consoleRun.err.join("\n")}`);
  // The written record as Markdown and PDF: the PDF's font (assets/) was copied into dist/.
  const pdfSaved = /Saved to (\S+\.pdf)/.exec(consoleText)?.[1];
  if (!pdfSaved || !/\.md\b/.test(consoleText)) fail(`console mode did not export the record:\n${consoleText}`);
  else if (!readFileSync(pdfSaved).subarray(0, 5).equals(Buffer.from("%PDF-"))) fail(`${pdfSaved} is not a PDF`);
  // Warnings go to stderr in console mode: a new data directory made without the shipped
  // pre-initialised database (db/pglite-template) would say so there.
  // Only the rates' warnings (no network here) are expected there.
  const otherErr = consoleRun.err.filter((line) => !line.includes('"component":"rates"'));
  if (otherErr.length > 0) fail(`console mode wrote to stderr:\n${otherErr.join("\n")}`);

  step("data tools: node dist/scripts/export-workspace.js --list");
  const list = await runBot(["dist/scripts/export-workspace.js", "--list"], { env: baseEnv }).exited;
  if (list.code !== 0 || !list.out.join("\n").includes("console:console")) {
    fail(`export --list: exit ${list.code}\n${[...list.out, ...list.err].join("\n")}`);
  }

  step("server mode: Slack against a fake Web API, /healthz, SIGTERM");
  // Answers every Web API call as Slack would for a valid token (auth.test at start-up).
  const fakeSlack = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        ok: true,
        url: "https://smoke.slack.com/",
        team: "Smoke",
        user: "tact",
        team_id: "T0SMOKE",
        user_id: "U0TACT",
        bot_id: "B0TACT",
      }),
    );
  });
  await new Promise((resolve) => fakeSlack.listen(0, "127.0.0.1", resolve));
  const slackPort = fakeSlack.address().port;
  const serverEnv = {
    ...baseEnv,
    PORT: "0",
    SLACK_BOT_TOKEN: TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
    ...(process.env.TACT_SMOKE_DATABASE_URL ? { DATABASE_URL: process.env.TACT_SMOKE_DATABASE_URL } : {}),
  };
  let signalledAt = 0;
  const server = runBot(["dist/src/main.js"], {
    env: serverEnv,
    onLine: (line, child) => {
      let entry;
      try {
        entry = JSON.parse(line);
      } catch {
        return;
      }
      if (entry.msg !== "Tact is ready") return;
      fetch(`http://127.0.0.1:${entry.port}/healthz`)
        .then(async (response) => {
          const body = await response.json();
          if (response.status !== 200 || body.database !== "ok") {
            fail(`/healthz answered ${response.status} ${JSON.stringify(body)}`);
          }
        })
        .catch((error) => fail(`/healthz: ${error.message}`))
        .finally(() => {
          signalledAt = performance.now();
          child.kill("SIGTERM");
        });
    },
  });
  const limit = setTimeout(() => server.child.kill("SIGKILL"), 30_000);
  const served = await server.exited;
  clearTimeout(limit);
  fakeSlack.close();
  const serverText = [...served.out, ...served.err].join("\n");
  if (!signalledAt) fail(`server mode never became ready:\n${serverText}`);
  else if (served.code !== 0)
    fail(`server mode exited with ${served.code ?? served.signal} on SIGTERM:\n${serverText}`);
  else if (performance.now() - signalledAt > 10_000) fail("server mode took more than 10 s to stop");
  if (!served.out.every((line) => line.startsWith("{"))) fail(`server logs are not JSON lines:\n${serverText}`);
  if (serverText.includes(TOKEN) || serverText.includes(SECRET)) fail("a secret appeared in the logs");
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  rmSync(work, { recursive: true, force: true });
}

step(failed ? "production check: FAILED" : "production check: ok");
process.exit(failed ? 1 : 0);
