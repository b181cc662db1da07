import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Slack's own schema for app manifests (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json
// at c50cfa8, the version a manifest without _metadata.major_version is checked against).
const schema = JSON.parse(
  readFileSync(new URL("../fixtures/slack/manifest.schema.1.0.0.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

describe("the Slack app manifest", () => {
  it("validates against Slack's manifest schema, with the Log to Tact shortcut in it", () => {
    const manifest = parse(readFileSync(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8"));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: "message", callback_id: "log_message" }),
    );
  });

  it("is refused by that schema when it is wrong, so the check above means something", () => {
    const manifest = parse(readFileSync(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8"));
    manifest.features.shortcuts = [{ name: "Log to Tact", type: "sideways", callback_id: "log_message" }];
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(manifest)).toBe(false);
  });
});
