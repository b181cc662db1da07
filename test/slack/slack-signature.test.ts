import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackRequest } from "../../adapters/slack/verify-slack-request.ts";
import { useSlack } from "./slack-harness.ts";

// Slack's published example (docs: "Verifying requests from Slack").
const example = readFileSync(new URL("../fixtures/slack-signature-example.txt", import.meta.url), "utf8").trim();
const EXAMPLE_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const EXAMPLE_TIMESTAMP = "1531420618";
const EXAMPLE_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

describe("Slack request signatures", () => {
  it("computes Slack's published example signature", () => {
    expect(slackSignature(EXAMPLE_SECRET, EXAMPLE_TIMESTAMP, example)).toBe(EXAMPLE_SIGNATURE);
  });

  it("accepts the example at its own time, and refuses it five minutes and a second before or after", () => {
    const check = (nowSeconds: number, signature = EXAMPLE_SIGNATURE) =>
      verifySlackRequest({
        signingSecret: EXAMPLE_SECRET,
        timestamp: EXAMPLE_TIMESTAMP,
        signature,
        rawBody: Buffer.from(example),
        nowSeconds,
      });
    const at = Number(EXAMPLE_TIMESTAMP);
    expect(check(at)).toBeUndefined();
    expect(check(at + 300)).toBeUndefined();
    expect(check(at - 300)).toBeUndefined();
    expect(check(at + 301)).toBe("stale");
    expect(check(at - 301)).toBe("future");
    expect(check(at, EXAMPLE_SIGNATURE.replace(/.$/, "0"))).toBe("bad-signature");
    expect(check(at, "v1=abc")).toBe("bad-signature");
  });

  it("refuses a body changed after signing", () => {
    expect(
      verifySlackRequest({
        signingSecret: EXAMPLE_SECRET,
        timestamp: EXAMPLE_TIMESTAMP,
        signature: EXAMPLE_SIGNATURE,
        rawBody: Buffer.from(example.replace("text=", "text=late+acme")),
        nowSeconds: Number(EXAMPLE_TIMESTAMP),
      }),
    ).toBe("bad-signature");
  });
});

/**
 * Over HTTP: what is refused (unsigned, other secret, tampered, stale or future timestamps)
 * is in test/reliability/hostile-slack.test.ts.
 */
describe("Slack's URL verification over HTTP", () => {
  const s = useSlack();

  it("answers Slack's URL verification challenge only when signed", async () => {
    const challenge = JSON.stringify({
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    const ok = await fetch(`${s.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: challenge,
    });
    expect(ok.status).toBe(401);
    const signed = await s.post(challenge, "application/json");
    expect(signed.status).toBe(200);
  });
});
