import { describe, expect, it } from "vitest";
import { rowCount } from "./support/db-counts.ts";
import { useHarness } from "./support/harness.ts";

const h = useHarness();

const count = (table: string, where?: string) => rowCount(h.db.db, table, where);

describe(`incident logging`, () => {
  it("logs each kind with a short private confirmation naming the client and the kind", async () => {
    await h.run("/client add acme ACME Corp");
    const cases: [string, string][] = [
      ["late acme", "late payment"],
      ["scope acme added a blog section", "scope creep"],
      ["advice acme refused accessibility fixes", "advice ignored"],
      ["conduct acme shouted on a call", "disrespect / tension"],
      ["ethics acme asked for bought backlinks", "unethical request"],
      ["flag acme wanted to pay only at the end", "warning sign"],
      ["note acme new contact person", "note"],
    ];
    for (const [line, kind] of cases) {
      const effects = await h.run(`/client ${line}`, { user: "sam" });
      expect(effects).toHaveLength(1);
      expect(effects[0]?.type).toBe("reply");
      const text = JSON.stringify(effects[0]);
      expect(text).toContain(kind);
      expect(text).toContain("ACME Corp");
    }
    expect(await count("incidents")).toBe(7);
  });
});
