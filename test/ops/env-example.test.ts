import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/config.ts";

const root = path.resolve(import.meta.dirname, "../..");
const example = readFileSync(path.join(root, ".env.example"), "utf8");

/** NAME=value lines; commented ones (showing a default) only when asked. */
function documented(withCommented = true): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of example.split("\n")) {
    const match = /^(# )?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match?.[2] && (withCommented || !match[1])) vars.set(match[2], match[3] ?? "");
  }
  return vars;
}

describe(".env.example", () => {
  it("documents every setting Tact reads", () => {
    const source = readFileSync(path.join(root, "src/config.ts"), "utf8");
    const settings = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
    expect(settings.length).toBeGreaterThan(10);
    const vars = documented();
    for (const name of settings) expect(vars.has(name ?? ""), `${name} is missing from .env.example`).toBe(true);
  });

  it("starts Tact as it is (console mode) once copied to .env", () => {
    const env = Object.fromEntries(documented(false));
    const config = readConfig(env);
    expect(config.slackEnabled).toBe(false);
    expect(config.discordEnabled).toBe(false);
  });
});
