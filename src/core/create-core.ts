import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { isDatabaseUnavailable } from "../../db/is-unavailable.ts";
import { insertAudit } from "../../db/queries/audit.ts";
import { setWorkspaceDeactivated } from "../../db/queries/installations.ts";
import { memberNames, upsertMember } from "../../db/queries/members.ts";
import { claimRequestAndFindWorkspace } from "../../db/queries/processed-requests.ts";
import {
  adoptPlatformOwner,
  claimWelcome,
  findOrCreateWorkspace,
  findWorkspace,
  type WorkspaceRow,
} from "../../db/queries/workspaces.ts";
import { processedRequests } from "../../db/schema/index.ts";
import { COMMAND_FORM, formErrorsFor } from "../commands/command-form.ts";
import { indexCommands } from "../commands/command-index.ts";
import type { CommandDef } from "../commands/define-command.ts";
import { UserError } from "../errors.ts";
import { startEvidence } from "../evidence/start-evidence.ts";
import { buildHome } from "../home/build-home.ts";
import { welcomeMessage } from "../home/welcome.ts";
import { catalogFor } from "../messages/catalog.ts";
import { createFormatter } from "../messages/format.ts";
import { type Locale, toLocale } from "../messages/locale.ts";
import { textMessage } from "../messages/message.ts";
import { type Choice, completeOption } from "./complete-option.ts";
import type { Context, CoreServices } from "./context.ts";
import type { ActionDef } from "./define-action.ts";
import { dm, type Effect, reply } from "./effects.ts";
import type { Invocation, WorkspaceHints } from "./invocation.ts";
import { requestLog } from "./request-log.ts";
import { runCommand, submitCommandForm } from "./run-command.ts";

/** What adapters reach of the core: nothing else. */
export interface Core {
  /** Runs one request and returns what the adapter must do. Never throws. */
  handle(invocation: Invocation): Promise<Handled>;
  /** Choices for an option being typed (Discord autocomplete). Never throws. */
  complete(invocation: Invocation): Promise<Choice[]>;
}

/** A request's outcome: the effects to perform, and the workspace's language to render them in. */
export interface Handled {
  effects: Effect[];
  locale: Locale;
}

/** What a core runs: the composition root (src/app.ts) passes commandList() and actionList(). */
export interface CoreOptions extends CoreServices {
  commands: readonly CommandDef[];
  actions: readonly ActionDef[];
}

export function createCore({ commands: commandList, actions: actionList, ...services }: CoreOptions): Core {
  const commands = indexCommands(commandList);
  const actions = new Map(actionList.map((a) => [a.name, a]));
  async function contextFor(invocation: Invocation, known?: WorkspaceRow): Promise<Context> {
    const { db } = services;
    let workspace = known ?? (await findWorkspace(db, invocation.platform, invocation.workspaceId));
    // The platform is asked about a workspace only while Tact does not know it or its owner.
    if (!workspace || workspace.ownerUserId === null) {
      const hints = await hintsFor(invocation, workspace !== undefined);
      const locale = hints?.locale ?? invocation.locale;
      workspace ??= await findOrCreateWorkspace(db, {
        platform: invocation.platform,
        externalId: invocation.workspaceId,
        // Nobody is guessed: without the platform's word the owner stays unknown (null).
        ownerUserId: hints?.ownerUserId,
        name: hints?.name,
        timezone: hints?.timezone,
        locale: locale ? toLocale(locale) : undefined,
        digestChannel: hints?.defaultChannelId,
        createdAt: services.clock.now(),
      });
      // The platform has now said who owns a workspace first seen without an owner.
      if (workspace.ownerUserId === null && hints?.ownerUserId) {
        workspace = await adoptPlatformOwner(db, workspace.id, hints.ownerUserId);
      }
      // The owner's name, so refusals can say who to ask (the invoker's own is recorded anyway).
      if (hints?.ownerUserId && hints.ownerName && hints.ownerUserId !== invocation.userId) {
        await upsertMember(db, workspace.id, hints.ownerUserId, hints.ownerName, services.clock.now());
      }
    }
    return buildContext(services, invocation, workspace);
  }

  async function hintsFor(invocation: Invocation, seen: boolean): Promise<WorkspaceHints | undefined> {
    const hints = invocation.workspaceHints;
    if (typeof hints !== "function") return hints;
    try {
      return await hints(seen);
    } catch (error) {
      services.log.warn({ err: error }, "workspace lookup failed");
      return undefined;
    }
  }

  /** The workspace's language, the person's name recorded if given: never creates a workspace. */
  async function memberSeen(invocation: Invocation): Promise<Locale> {
    const workspace = await findWorkspace(services.db, invocation.platform, invocation.workspaceId);
    if (!workspace) return toLocale(invocation.locale);
    if (invocation.userName) {
      await upsertMember(services.db, workspace.id, invocation.userId, invocation.userName, services.clock.now());
    }
    return toLocale(workspace.locale);
  }

  /** Tact removed from a workspace, or back in it: never creates one. */
  async function setPresence(invocation: Invocation, removed: boolean, log: typeof services.log): Promise<void> {
    const at = removed ? services.clock.now() : null;
    if (await setWorkspaceDeactivated(services.db, invocation.platform, invocation.workspaceId, at)) {
      log.info(
        removed
          ? "Tact was removed from a workspace: it stops posting there, its data is kept"
          : "Tact is back in a workspace",
      );
    }
  }

  async function run(invocation: Invocation, ctx: Context, memberRecorded: boolean): Promise<Effect[]> {
    const input = invocation.input;
    if (invocation.userName && !memberRecorded) {
      await upsertMember(services.db, ctx.workspace.id, invocation.userId, invocation.userName, services.clock.now());
    }
    if (input.kind === "text" || input.kind === "options") return runCommand(ctx, input, commands);
    if (input.kind === "installed") {
      // Once per workspace, ever: a restart, a reconnection or a second install sends nothing.
      if (!(await claimWelcome(services.db, ctx.workspace.id, services.clock.now()))) return [];
      return [dm(invocation.userId, welcomeMessage(ctx.t))];
    }
    if (input.kind === "message") return startEvidence(ctx, input.message);
    if (input.kind === "home") return [reply(await buildHome(ctx))];
    if (input.kind === "action" || input.kind === "form") {
      const id = input.kind === "action" ? input.actionId : input.formId;
      const [name = "", ...params] = id.split(":");
      if (input.kind === "form" && name === COMMAND_FORM) {
        return submitCommandForm(ctx, params[0] ?? "", input.values, commands);
      }
      const action = actions.get(name);
      if (!action) return [reply(textMessage(ctx.t.errors.unknownAction))];
      for (const guard of action.guards ?? []) await guard(ctx);
      if ("command" in action) return runCommand(ctx, { kind: "options", ...action.command(params) }, commands);
      if (input.kind === "action") return action.handler(ctx, params);
      try {
        return await action.handler(ctx, params, input.values);
      } catch (error) {
        // A problem with one field keeps the form open, with the message under that field.
        const refused = formErrorsFor(ctx, error, input.values);
        if (refused) return [refused];
        throw error;
      }
    }
    return [];
  }

  return {
    async handle(invocation) {
      const log = requestLog(services.log, {
        ...invocation,
        // Requests without a platform id (the console) still get one, to follow them in the logs.
        requestId: invocation.requestId ?? randomBytes(6).toString("hex"),
      });
      let locale = toLocale(invocation.locale);
      const answer = (effects: Effect[]): Handled => ({ effects, locale });
      let claimed = false;
      try {
        const kind = invocation.input.kind;
        if (kind === "removed" || kind === "restored") {
          await setPresence(invocation, kind === "removed", log);
          return answer([]);
        }
        if (kind === "memberSeen") {
          locale = await memberSeen(invocation);
          return answer([]);
        }
        let known: WorkspaceRow | undefined;
        if (invocation.requestId) {
          const claim = await claimRequestAndFindWorkspace(
            services.db,
            { key: requestKey(invocation), at: services.clock.now() },
            { platform: invocation.platform, externalId: invocation.workspaceId },
            invocation.userName ? { userId: invocation.userId, name: invocation.userName } : undefined,
          );
          claimed = claim.claimed;
          known = claim.workspace;
          if (!claimed) {
            log.info("duplicate request ignored");
            return answer([]);
          }
        }
        const ctx = await contextFor(invocation, known);
        locale = ctx.locale;
        return answer(await run(invocation, { ...ctx, log }, known !== undefined));
      } catch (error) {
        const t = catalogFor(locale);
        if (error instanceof UserError) return answer([reply(textMessage(error.render(t)))]);
        // Nothing was applied: let the platform's retry of this request run it again.
        if (claimed) await releaseRequest(services, invocation).catch(() => {});
        if (isDatabaseUnavailable(error)) {
          log.warn({ err: error }, "database unavailable; request not applied");
          return answer([reply(textMessage(t.errors.unavailable))]);
        }
        const ref = randomBytes(4).toString("hex");
        log.error({ err: error, ref }, "request failed");
        return answer([reply(textMessage(t.errors.internal({ ref })))]);
      }
    },
    async complete(invocation) {
      try {
        const ctx = await contextFor(invocation);
        return await completeOption(ctx, commands);
      } catch (error) {
        services.log.warn({ err: error }, "autocomplete failed");
        return [];
      }
    },
  };
}

/** The context of a request in a workspace (also built for work no person asked for, such as a sync). */
export function buildContext(services: CoreServices, invocation: Invocation, workspace: WorkspaceRow): Context {
  const locale = toLocale(workspace.locale);
  const user = {
    id: invocation.userId,
    name: invocation.userName ?? invocation.userId,
    isOwner: workspace.ownerUserId !== null && workspace.ownerUserId === invocation.userId,
  };
  return {
    ...services,
    invocation,
    workspace,
    user,
    locale,
    t: catalogFor(locale),
    fmt: createFormatter(locale, workspace.timezone),
    async audit(entry, db = services.db) {
      await insertAudit(db, {
        workspaceId: workspace.id,
        actorId: user.id,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId === undefined ? undefined : String(entry.subjectId),
        details: entry.details,
        at: services.clock.now(),
      });
    },
    async ownerName() {
      const owner = workspace.ownerUserId;
      if (owner === null) return catalogFor(locale).words.ownerUnknown;
      const names = await memberNames(services.db, workspace.id, [owner]);
      return names.get(owner) ?? owner;
    },
  };
}

/** Platforms resend requests they think were slow; each request id is applied once. */
function requestKey(invocation: Invocation): string {
  return `${invocation.platform}:${invocation.workspaceId}:${invocation.requestId}`;
}

async function releaseRequest(services: CoreServices, invocation: Invocation): Promise<void> {
  await services.db.delete(processedRequests).where(eq(processedRequests.key, requestKey(invocation)));
}
