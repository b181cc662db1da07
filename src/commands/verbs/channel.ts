import { linkChannel } from "../../channels/link-channel.ts";
import { clientArg, optional, plainText } from "../args.ts";
import { defineCommand } from "../define-command.ts";

/** `/client channel acme [#channel] [off]`: link a channel to a client, or unlink it. */
export const channelCommand = defineCommand({
  name: "channel",
  group: "clients",
  args: {
    client: clientArg(),
    target: optional({
      kind: "text",
      label: (t) => t.channels.argName,
      schema: plainText(200, false),
      optional: false,
      rest: true,
      max: 200,
    }),
  },
  help: (t) => t.channels.help,
  examples: ["channel acme", "channel acme #acme-project", "channel acme off"],
  handler: (ctx, a) => linkChannel(ctx, a.client, a.target),
});
