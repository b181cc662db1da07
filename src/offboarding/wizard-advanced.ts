import type { Context } from "../core/context.ts";
import { dm, type Effect, update } from "../core/effects.ts";
import { STEP_COUNT } from "../domain/wizard/wizard-steps.ts";
import { textMessage } from "../messages/message.ts";
import { buildStepMessage, stepTitle } from "./build-step-message.ts";
import type { ChangeResult } from "./change-wizard.ts";
import { factsFor, type WizardFacts } from "./wizard-facts.ts";
import type { Wizard } from "./wizard-record.ts";
import { rejected } from "./wizard-refusal.ts";

/**
 * After a step moved: a button's message becomes one line saying what was done (its buttons
 * gone), and the next step (or the end) arrives as a new DM. A form has no message to
 * replace, so that line heads the next step instead.
 */
export async function advanced(
  ctx: Context,
  facts: WizardFacts,
  result: ChangeResult,
  via: "button" | "form",
  extra?: string,
  effects: Effect[] = [],
): Promise<Effect[]> {
  if (!result.ok) return rejected(ctx, result.reason, result.wizard, facts);
  const o = ctx.t.offboarding;
  const line = [stepLine(ctx, result.wizard), extra].filter(Boolean).join(" ");
  const owner = result.wizard.row.ownerUserId;
  const next = result.finished
    ? textMessage(o.finished({ client: facts.client.displayName, slug: facts.client.slug }))
    : buildStepMessage(ctx, result.wizard, await factsFor(ctx, result.wizard), via === "form" ? line : undefined);
  if (result.finished && via === "form") next.blocks.unshift({ type: "context", text: line });
  return [...(via === "button" ? [update(textMessage(line))] : []), ...effects, dm(owner, next)];
}

/** What the last command did, in one line. */
function stepLine(ctx: Context, wizard: Wizard): string {
  const o = ctx.t.offboarding;
  const event = [...wizard.state.history].reverse().find((e) => e.type !== "finish" && e.type !== "resume");
  if (!event) return "";
  if (event.type === "back") return o.stepLine.back({ step: wizard.state.current, total: STEP_COUNT });
  const p = {
    step: event.step,
    total: STEP_COUNT,
    title: stepTitle(ctx, event.step),
    date: ctx.fmt.date(new Date(event.at)),
  };
  return event.type === "skip" ? o.stepLine.skipped({ ...p, reason: event.reason ?? "" }) : o.stepLine.done(p);
}
