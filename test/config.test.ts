import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("needs nothing to run the console on the embedded database", () => {
    const config = readConfig({});
    expect(config.slackEnabled).toBe(false);
    expect(config.discordEnabled).toBe(false);
    expect(config.PORT).toBe(3000);
    expect(config.DATA_DIR).toBe("./data");
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("says, one line per value, what is wrong and what was expected", () => {
    const found = problems({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      SLACK_BOT_TOKEN: "abc",
      DISCORD_PUBLIC_KEY: "zz",
      LOG_LEVEL: "loud",
    });
    expect(found).toHaveLength(5);
    expect(found.find((p) => p.startsWith("PORT:"))).toContain("port number");
    expect(found.find((p) => p.startsWith("DATABASE_URL:"))).toContain("postgres://");
    expect(found.find((p) => p.startsWith("SLACK_BOT_TOKEN:"))).toContain("xoxb-");
    expect(found.find((p) => p.startsWith("DISCORD_PUBLIC_KEY:"))).toContain("64 hexadecimal");
    expect(found.some((p) => p.startsWith("LOG_LEVEL:"))).toBe(true);
  });

  it("treats a setting left empty as unset", () => {
    const config = readConfig({ LOG_LEVEL: "", DATABASE_URL: " ", PORT: "" });
    expect(config.LOG_LEVEL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(3000);
  });

  it("names the missing half of a platform's settings", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_SIGNING_SECRET: required for Slack (or SLACK_APP_TOKEN for Socket Mode)",
    ]);
    expect(problems({ DISCORD_TOKEN: "t" })).toEqual(["DISCORD_APPLICATION_ID: required for Discord"]);
    expect(problems({ SLACK_CLIENT_ID: "1", SLACK_SIGNING_SECRET: "s" })).toEqual([
      "SLACK_CLIENT_SECRET: required for multi-workspace installs (OAuth)",
      "SLACK_STATE_SECRET: required for multi-workspace installs (OAuth)",
    ]);
  });

  it("says what it checks in DISCORD_APPLICATION_ID: an id of 17 to 20 digits", () => {
    const expected = [
      "DISCORD_APPLICATION_ID: must be an id of 17 to 20 digits (Application ID, on the app's General Information page)",
    ];
    expect(problems({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123" })).toEqual(expected);
    expect(problems({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456789012345678901" })).toEqual(expected);
    expect(problems({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1100000000000000001" })).toEqual([]);
  });

  it("never repeats a secret's value in its message", () => {
    const secret = "xoxp-super-secret-value";
    expect(problems({ SLACK_BOT_TOKEN: secret }).join("\n")).not.toContain(secret);
  });

  it("turns on a platform when its settings are complete", () => {
    const config = readConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PORT: "0" });
    expect(config.slackEnabled).toBe(true);
    expect(config.PORT).toBe(0);
  });
  it("asks for the whole Xero app, and a redirect URI that ends in /xero/callback", () => {
    expect(problems({ XERO_WEBHOOK_KEY: "key" })).toEqual([
      "XERO_CLIENT_ID: required for Xero (the Xero app's client id)",
      "XERO_CLIENT_SECRET: required for Xero (the Xero app's client secret)",
      "XERO_REDIRECT_URI: required for Xero (Tact's address followed by /xero/callback, also set as the app's redirect URI in Xero)",
    ]);
    expect(
      problems({
        XERO_CLIENT_ID: "0123456789ABCDEF0123456789ABCDEF",
        XERO_CLIENT_SECRET: "secret",
        XERO_REDIRECT_URI: "https://tact.example.com/oauth",
        XERO_API_URL: "not a url",
      }),
    ).toEqual([
      "XERO_REDIRECT_URI: must be Tact's public address followed by /xero/callback, e.g. https://tact.example.com/xero/callback",
      "XERO_API_URL: must be a URL (the Xero API base, e.g. https://api.xero.com)",
    ]);
    const config = readConfig({
      XERO_CLIENT_ID: "0123456789ABCDEF0123456789ABCDEF",
      XERO_CLIENT_SECRET: "secret",
      XERO_REDIRECT_URI: "https://tact.example.com/xero/callback",
    });
    expect(config.XERO_REDIRECT_URI).toBe("https://tact.example.com/xero/callback");
    expect(config.slackEnabled || config.discordEnabled).toBe(false);
  });
});
