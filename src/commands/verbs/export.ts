import { ownerOnly } from "../../core/guards.ts";
import { exportClientRecord } from "../../offboarding/export-client-record.ts";
import { clientArg } from "../args.ts";
import { defineCommand } from "../define-command.ts";

export const exportCommand = defineCommand({
  name: "export",
  group: "offboarding",
  args: { client: clientArg({ rest: true }) },
  help: (t) => t.offboarding.help.export,
  examples: ["export acme"],
  guards: [ownerOnly((t) => t.offboarding.action.export)],
  handler: (ctx, a) => exportClientRecord(ctx, a.client),
});
