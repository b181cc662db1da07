import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../src/messages/en/index.ts";
import { fr } from "../src/messages/fr/index.ts";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "migrations" ? [] : files(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

describe("architecture", () => {
  it("keeps platform SDKs out of the core and the database layer", () => {
    const offenders = [...files("src"), ...files("db")].filter((f) =>
      /from\s+["'](@slack\/|discord\.js|@discordjs\/|discord-api-types)/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps invoice-source SDKs out of the core, the database layer and the platform adapters", () => {
    // Static and lazy imports alike, the package or one of its files (xero-node/dist/…).
    const sdk = /(?:from\s+|import\()["'](stripe|xero-node)(?:\/[^"']*)?["']/;
    const offenders = [...files("src"), ...files("db"), ...files("adapters")].filter((f) =>
      sdk.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
    // Each source's SDK stays in its own folder.
    const crossed = files("connectors").filter((f) => {
      const text = readFileSync(f, "utf8");
      const folder = f.split(path.sep)[1];
      return [...text.matchAll(/(?:from\s+|import\()["'](stripe|xero-node)(?:\/[^"']*)?["']/g)].some(
        (m) => !(m[1] ?? "").startsWith(folder ?? "-"),
      );
    });
    expect(crossed).toEqual([]);
  });

  it("keeps platform SDKs out of the connectors", () => {
    const offenders = files("connectors").filter((f) =>
      /from\s+["'](@slack\/|discord\.js|@discordjs\/|discord-api-types)/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the domain free of messages and the database: it computes, others word and store", () => {
    const offenders = files("src/domain").filter((f) =>
      /(?:from\s+|import\()["'][^"']*\/(messages|db)\/[^"']*["']/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the database out of the adapters: they reach the core through handle only", () => {
    const offenders = files("adapters").filter((f) =>
      /drizzle-orm|from\s+["']pg["']|(?:from\s+|import\()["'][^"']*\/db\//.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the database out of the connectors: they reach it through the core's runtime", () => {
    const offenders = files("connectors").filter((f) =>
      /drizzle-orm|from\s+["']pg["']|\/db\/schema|\/db\/queries/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps the command registry out of the core, and out of what the registry itself imports", () => {
    const registry = path.resolve("src/commands/registry.ts");
    const importsOf = (file: string): string[] =>
      [...readFileSync(file, "utf8").matchAll(/^import\s(?:[^;]*?from\s+)?["'](\.[^"']+)["']/gm)].map((m) =>
        path.resolve(path.dirname(file), m[1] ?? ""),
      );
    expect(files("src/core").filter((f) => importsOf(f).includes(registry))).toEqual([]);
    // No cycle: nothing the registry reaches imports it back.
    const seen = new Set<string>();
    const queue = importsOf(registry);
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      if (seen.has(file) || !file.endsWith(".ts")) continue;
      seen.add(file);
      queue.push(...importsOf(file));
    }
    expect(seen.has(registry)).toBe(false);
  });

  it("has a French text for every English one", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
