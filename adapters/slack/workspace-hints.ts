import type { WebClient } from "@slack/web-api";
import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { findWorkspace } from "../../db/queries/workspaces.ts";
import type { WorkspaceHints } from "../../src/core/invocation.ts";
import { slackErrorCode } from "./slack-error.ts";

/** Enough pages of users.list to find the primary owner of a 10,000-person workspace. */
const MAX_USER_PAGES = 50;
const KNOWN_MAX = 100_000;

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

export interface FirstSight {
  hints: WorkspaceHints;
  /** The invoker's Slack locale (`fr-FR`), the workspace's language on first sight. */
  locale?: string | undefined;
  /** The primary owner's name, to record so refusals can name them. */
  ownerName?: string | undefined;
}

/**
 * What Tact needs to know about a Slack workspace it has never seen: its primary owner (the
 * default owner in Tact, from users.info, else users.list), that person's time zone and the
 * invoker's language. Asked once per workspace; known workspaces cost nothing after the first
 * request of a process.
 */
export class SlackWorkspaceHints {
  readonly #known = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Undefined when the workspace is already known. */
  async firstSight(
    client: WebClient,
    teamId: string,
    userId: string,
    teamName?: string,
  ): Promise<FirstSight | undefined> {
    if (this.#known.has(teamId)) return undefined;
    if (await findWorkspace(this.db, "slack", teamId)) {
      this.remember(teamId);
      return undefined;
    }
    try {
      const invoker = (await client.users.info({ user: userId, include_locale: true })).user as SlackUser | undefined;
      const owner = invoker?.is_primary_owner ? invoker : await this.#primaryOwner(client);
      if (!owner?.id)
        this.log.warn({ team: teamId }, "no primary owner found; the first person to use Tact becomes its owner");
      return {
        hints: { name: teamName, ownerUserId: owner?.id, timezone: owner?.tz ?? invoker?.tz },
        locale: invoker?.locale,
        ownerName: owner ? nameOf(owner) : undefined,
      };
    } catch (error) {
      this.log.warn(
        { team: teamId, code: slackErrorCode(error) ?? "network" },
        "could not look up the workspace's owner; the first person to use Tact becomes its owner",
      );
      return { hints: { name: teamName } };
    }
  }

  remember(teamId: string): void {
    if (this.#known.size >= KNOWN_MAX) this.#known.clear();
    this.#known.add(teamId);
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
