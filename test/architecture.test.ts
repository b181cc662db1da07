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
      /from\s+["'](@slack\/|discord\.js|@discordjs\/)/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("keeps SQL out of the adapters", () => {
    const offenders = files("adapters").filter((f) =>
      /drizzle-orm|from\s+["']pg["']|\/db\/schema/.test(readFileSync(f, "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("has a French text for every English one", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });
});
