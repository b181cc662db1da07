import { DiscordAPIError, type REST } from "@discordjs/rest";
import { Routes } from "discord-api-types/v10";
import type { WorkspaceHints } from "../../src/core/invocation.ts";

const TTL_MS = 60 * 60_000;
const MAX_CACHED = 10_000;

/**
 * Facts about a server for the workspace it becomes: its name and its owner (the default
 * owner in Tact). Looked up once an hour per server at most; the core only uses them the
 * first time it sees the server.
 */
export class GuildDirectory {
  readonly #rest: REST;
  readonly #now: () => number;
  readonly #known: (guildId: string) => WorkspaceHints | undefined;
  readonly #cache = new Map<string, { hints: WorkspaceHints; at: number }>();
  readonly #pending = new Map<string, Promise<WorkspaceHints>>();
  /** `guild:user` → when that person was last seen to be in that server. */
  readonly #members = new Map<string, number>();

  /**
   * `known` answers from what the gateway already told us (its guild cache), so gateway
   * mode needs no lookup at all.
   */
  constructor(rest: REST, now: () => number, known: (guildId: string) => WorkspaceHints | undefined = () => undefined) {
    this.#rest = rest;
    this.#now = now;
    this.#known = known;
  }

  /**
   * The server's hints. When the bot is not a member (commands-only install) Discord refuses
   * the lookup and the hints are empty; any other failure is thrown, so a server is never
   * created with the wrong owner because Discord was slow.
   */
  hints(guildId: string): Promise<WorkspaceHints> {
    const known = this.#known(guildId);
    if (known) return Promise.resolve(known);
    const cached = this.#cache.get(guildId);
    if (cached && this.#now() - cached.at < TTL_MS) return Promise.resolve(cached.hints);
    const pending = this.#pending.get(guildId);
    if (pending) return pending;
    const lookup = this.#lookup(guildId).finally(() => this.#pending.delete(guildId));
    this.#pending.set(guildId, lookup);
    return lookup;
  }

  /**
   * Whether someone is in a server. A DM carries no server, so a button the bot sent in a DM
   * names the one it acts for; only its members may act there, whatever id they send. A
   * member found is remembered an hour; Discord failing otherwise is thrown.
   */
  async isMember(guildId: string, userId: string): Promise<boolean> {
    const key = `${guildId}:${userId}`;
    const seen = this.#members.get(key);
    if (seen !== undefined && this.#now() - seen < TTL_MS) return true;
    try {
      await this.#rest.get(Routes.guildMember(guildId, userId));
    } catch (error) {
      if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404)) return false;
      throw error;
    }
    if (this.#members.size >= MAX_CACHED) this.#members.clear();
    this.#members.set(key, this.#now());
    return true;
  }

  async #lookup(guildId: string): Promise<WorkspaceHints> {
    let hints: WorkspaceHints;
    try {
      const guild = (await this.#rest.get(Routes.guild(guildId))) as { name?: string; owner_id?: string };
      hints = { name: guild.name, ownerUserId: guild.owner_id };
    } catch (error) {
      if (!(error instanceof DiscordAPIError) || (error.status !== 403 && error.status !== 404)) throw error;
      hints = {};
    }
    if (this.#cache.size >= MAX_CACHED) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(guildId, { hints, at: this.#now() });
    return hints;
  }
}
