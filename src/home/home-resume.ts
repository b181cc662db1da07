import type { OpenOffboarding } from "../../db/queries/home.ts";
import { actionId } from "../core/define-action.ts";
import type { Catalog } from "../messages/catalog.ts";
import type { Button } from "../messages/message.ts";

/** The offboarding wizard's resume action (its handler re-checks that the presser is the owner). */
export const RESUME_ACTION = "offboard-resume";

/** The button that takes the owner back into a wizard in progress. */
export function homeResumeButton(w: OpenOffboarding, t: Catalog): Button {
  return { id: actionId(RESUME_ACTION, w.id), label: t.home.resumeButton({ client: w.displayName }), style: "primary" };
}
