import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, workspaces } from "../../db/schema/index.ts";
import { runTick } from "../../src/scheduler/run-tick.ts";
import { silentLog } from "../support/harness.ts";
import { useDiscord } from "./discord-test-setup.ts";
import { GUILD, groupedCommand, MEMBER, slashCommand } from "./payloads.ts";

/**
 * A digest posted through a slow Discord: the post is cancelled at the send timeout (a short
 * one here, 60 s in production), and the retry sends the same nonce with enforce_nonce, so
 * Discord returns the message it had created instead of a second one.
 */
const d = useDiscord();
const DIGEST_CHANNEL = "1160000000000000001";
const TIMEOUT_MS = 1_000;

async function dueDigest(): Promise<void> {
  await d.send(slashCommand("add", { slug: "acme", name: "ACME Corp" }));
  await d.send(groupedCommand("config", "channel", { channel: `<#${DIGEST_CHANNEL}>` }));
  await d.h.db.db
    .update(workspaces)
    .set({ createdAt: new Date("2020-01-01T00:00:00Z") })
    .where(eq(workspaces.externalId, GUILD));
  d.h.clock.set("2026-11-30T08:00:00Z");
  await d.send(slashCommand("late", { client: "acme" }, { user: MEMBER }));
  d.h.clock.set("2026-11-30T09:00:00Z");
  d.api.reset();
}

function tick() {
  return runTick({
    db: d.h.db.db,
    clock: d.h.clock,
    log: silentLog,
    outboxes: [d.adapter.outbox],
    sendTimeoutMs: TIMEOUT_MS,
    instanceId: "test",
  });
}

const inChannel = () => d.api.created.filter((m) => m.channel === DIGEST_CHANNEL);
const posts = () => d.api.find("POST", `/channels/${DIGEST_CHANNEL}/messages`);

describe("a digest through a slow Discord is posted once", () => {
  it("cancels the post at the timeout; the retry's nonce gets Discord's first message back, not a second", async () => {
    await dueDigest();
    const slow = d.api.holdNextMessage();
    expect(await tick()).toMatchObject({ sent: 0, failed: 1 });
    await slow.abandoned;
    slow.release();
    expect(inChannel()).toHaveLength(1);

    d.h.clock.advance(2 * 60_000);
    expect(await tick()).toMatchObject({ sent: 1, failed: 0 });
    // Two requests with one nonce, enforced; one message in the channel.
    const [first, retry] = posts();
    expect(posts()).toHaveLength(2);
    expect(first?.body?.nonce).toMatch(/^t\d+$/);
    expect(retry?.body).toMatchObject({ nonce: first?.body?.nonce, enforce_nonce: true });
    expect(inChannel()).toHaveLength(1);
    const [row] = await d.h.db.db.select().from(deliveries).where(eq(deliveries.kind, "digest"));
    expect(row?.state).toBe("sent");

    d.h.clock.advance(2 * 60_000);
    expect(await tick()).toMatchObject({ sent: 0, failed: 0 });
    expect(inChannel()).toHaveLength(1);
  });

  it("posts it on the retry when Discord never created it, and a refusal is retried as one", async () => {
    await dueDigest();
    d.api.forbiddenChannels.add(DIGEST_CHANNEL);
    expect(await tick()).toMatchObject({ sent: 0, failed: 1 });
    const [refused] = await d.h.db.db.select().from(deliveries).where(eq(deliveries.kind, "digest"));
    expect(refused?.payload).not.toHaveProperty("uncertain");
    expect(refused?.lastError).toContain("Discord refused it (403 50001)");
    d.api.forbiddenChannels.clear();
    d.h.clock.advance(2 * 60_000);
    expect(await tick()).toMatchObject({ sent: 1, failed: 0 });
    expect(inChannel()).toHaveLength(1);
  });
});
