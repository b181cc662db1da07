import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_NOTICE } from "../../src/console-start.ts";
import { closedUrl } from "../support/closed-port.ts";
import { OFFLINE_RATES } from "../support/offline-rates.ts";
import { repeatedInPostgresPass } from "../support/own-database.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs `npm start`'s entry point with a script on standard input, as a user would pipe it. */
function runBot(
  input: string,
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      ...OFFLINE_RATES,
      ...extraEnv,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      TZ: "UTC",
    };
    // As `npm start` does: node with tsx's loader (the tsx CLI would SIGKILL a slow child on signals).
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe.skipIf(repeatedInPostgresPass)("the console, through standard input and output", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "tact-console-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts and answers with no network: the failed reference-rates fetch is one warning", async () => {
    const closed = await closedUrl();
    const own = await mkdtemp(path.join(tmpdir(), "tact-console-offline-"));
    const run = await runBot("/client add acme ACME Corp\n/client terms acme law fr\n", own, {
      TACT_ECB_URL: closed,
      TACT_BOE_URL: closed,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Added ACME Corp");
    const warnings = run.stderr.split("\n").filter((l) => l.includes("reference rates not fetched"));
    expect(warnings).toHaveLength(1);
    // Besides: the operator is told once of each current half-year's rate still missing.
    expect(run.stderr.replace(/.*(reference rates not fetched|half-year's reference rate).*\n?/g, "")).toBe(
      `${CONSOLE_NOTICE}\n`,
    );
    await rm(own, { recursive: true, force: true });
  });

  it("takes the operator's reference rates from TACT_RATES_FILE", async () => {
    const own = await mkdtemp(path.join(tmpdir(), "tact-console-rates-"));
    const file = path.join(own, "rates.json");
    await writeFile(file, JSON.stringify({ series: { "ecb-mro": { rates: [{ on: "2026-07-01", percent: 2.15 }] } } }));
    const script = [
      "/client add acme ACME Corp",
      "/client terms acme law fr",
      "/client invoice acme INV-1 1000 EUR due 2026-05-31",
      "/client invoices",
    ].join("\n");
    const without = await runBot(script, path.join(own, "a"));
    expect(without.stdout).toContain("rate for 1 Jul 2026 is not known yet");
    const withFile = await runBot(script, path.join(own, "b"), { TACT_RATES_FILE: file });
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toContain("ECB rate 2.15% on 1 Jul 2026 + 10 points");
    expect(withFile.stdout).not.toContain("rate for 1 Jul 2026 is not known yet");
    await rm(own, { recursive: true, force: true });
  });

  it("runs a script, keeps the record on disk, and exits 0 at the end of input", async () => {
    const first = await runBot(
      [
        "/client add acme ACME Corp",
        "/client late acme",
        "",
        "@sam /client scope acme added a blog section",
        "/client show acme",
        "@sam",
        "/client late acmee",
      ].join("\n"),
      dataDir,
    );
    // Standard input is not a terminal: it says what it is doing before reading (issue 19).
    expect(first.stderr).toBe(`${CONSOLE_NOTICE}\n`);
    expect(first.code).toBe(0);
    const out = first.stdout;
    expect(out).toContain("Added ACME Corp (acme)");
    expect(out).toContain("Logged late payment for ACME Corp.");
    expect(out).toContain("[press undo:1] Undo");
    expect(out).toContain("late payment: 1 / 1");
    expect(out).toContain("scope creep: 1 / 1");
    expect(out).toContain("· by sam: added a blog section");
    expect(out).toContain('"@sam" needs a command after it');
    expect(out).toContain("Did you mean acme (ACME Corp)?");
    // Output comes in the order of the input lines.
    expect(out.indexOf("Added ACME Corp")).toBeLessThan(out.indexOf("Logged late payment"));
    expect(out.indexOf("== ACME Corp (acme) ==")).toBeLessThan(out.indexOf("Did you mean"));

    const card = (text: string) =>
      text.slice(text.indexOf("== ACME Corp (acme) =="), text.indexOf("What the playbook"));
    const second = await runBot("/client show acme\n/client list\n", dataDir);
    expect(second.code).toBe(0);
    expect(card(second.stdout)).toBe(card(out));
    // The typo created nothing.
    expect(second.stdout).toContain("Clients (1)");
  }, 60_000);
});
