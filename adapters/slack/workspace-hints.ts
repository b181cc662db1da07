import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { WorkspaceHints } from "../../src/core/invocation.ts";
import { slackErrorCode } from "./slack-error.ts";

/** Enough pages of users.list to find the primary owner of a 10,000-person workspace. */
const MAX_USER_PAGES = 50;
const ASKED_MAX = 100_000;

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  tz?: string;
  locale?: string;
  deleted?: boolean;
  is_primary_owner?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

/** How often a workspace whose owner Slack has not named yet is asked about again. */
const ASK_AGAIN_MS = 60_000;

/**
 * What Tact needs to know about a Slack workspace it does not know yet, or whose owner it does
 * not know: its primary owner (the owner in Tact, from users.info, else users.list) and that
 * person's name, time zone, and the invoker's language. The core asks only then. When Slack
 * does not say who the owner is (an error, a missing scope), the owner stays unknown, never
 * guessed, and Slack is asked again on a later request, at most once a minute.
 */
export class SlackWorkspaceHints {
  /** Team → when Slack was last asked about an owner it had not named. */
  readonly #askedAt = new Map<string, number>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** `seen`: Tact knows the workspace, not its owner (then Slack is asked at most once a minute). */
  async firstSight(
    client: WebClient,
    teamId: string,
    userId: string,
    teamName: string | undefined,
    seen: boolean,
  ): Promise<WorkspaceHints | undefined> {
    const askedAt = this.#askedAt.get(teamId);
    if (seen && askedAt !== undefined && this.now() - askedAt < ASK_AGAIN_MS) return undefined;
    if (this.#askedAt.size >= ASKED_MAX) this.#askedAt.clear();
    this.#askedAt.set(teamId, this.now());
    const invoker = await this.#user(client, teamId, userId);
    let owner: SlackUser | undefined;
    try {
      owner = invoker?.is_primary_owner ? invoker : await this.#primaryOwner(client);
      if (!owner?.id) this.log.warn({ team: teamId }, "Slack named no primary owner; owner-only actions wait");
    } catch (error) {
      this.log.warn(
        { team: teamId, code: slackErrorCode(error) ?? "network" },
        "could not look up the workspace's owner; owner-only actions wait until Slack answers",
      );
    }
    // Named: the core records the owner and asks no more.
    if (owner?.id) this.#askedAt.delete(teamId);
    return {
      name: teamName,
      ownerUserId: owner?.id,
      timezone: owner?.tz ?? invoker?.tz,
      locale: invoker?.locale,
      ownerName: owner ? nameOf(owner) : undefined,
    };
  }

  /** The invoker, for their language and time zone; undefined when Slack does not answer. */
  async #user(client: WebClient, teamId: string, userId: string): Promise<SlackUser | undefined> {
    try {
      return (await client.users.info({ user: userId, include_locale: true })).user as SlackUser | undefined;
    } catch (error) {
      this.log.info({ team: teamId, code: slackErrorCode(error) ?? "network" }, "could not look up a Slack user");
      return undefined;
    }
  }

  async #primaryOwner(client: WebClient): Promise<SlackUser | undefined> {
    let cursor: string | undefined;
    for (let page = 0; page < MAX_USER_PAGES; page++) {
      const res = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      const owner = (res.members as SlackUser[] | undefined)?.find((u) => u.is_primary_owner && !u.deleted);
      if (owner) return owner;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return undefined;
    }
    return undefined;
  }
}

export function nameOf(user: SlackUser): string | undefined {
  return user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || undefined;
}
