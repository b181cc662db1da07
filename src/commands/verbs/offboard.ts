import { offboardingGuard } from "../../offboarding/offboarding-guard.ts";
import { startOffboarding } from "../../offboarding/start-offboarding.ts";
import { clientArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const offboardCommand = defineCommand({
  name: "offboard",
  group: "offboarding",
  args: { client: clientArg({ rest: true }) },
  help: (t) => t.offboarding.help.offboard,
  examples: ["offboard acme"],
  guards: [offboardingGuard],
  handler: (ctx, a) => startOffboarding(ctx, a.client),
});
