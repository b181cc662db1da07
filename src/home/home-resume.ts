import type { OpenOffboarding } from "../../db/queries/home.ts";
import { actionId } from "../core/define-action.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Button } from "../messages/message.ts";
import { WIZARD_ACTION } from "../offboarding/build-step-message.ts";

/**
 * The button that takes the owner back into a wizard in progress: the wizard's own resume
 * action, whose handler re-checks that the presser is the owner who started it.
 */
export function homeResumeButton(w: OpenOffboarding, t: Catalog): Button {
  return {
    id: actionId(WIZARD_ACTION, w.id, w.currentStep, "resume"),
    label: t.home.resumeButton({ client: w.displayName }),
    style: "primary",
  };
}
