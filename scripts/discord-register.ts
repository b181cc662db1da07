/**
 * `npm run discord:register [-- --guild ID]`: registers /client with Discord, derived from
 * the command definitions. Global by default; `--guild ID` updates one server at once.
 */
import { createRest } from "../adapters/discord/discord-rest.ts";
import { describeRegisterError, registerCommands } from "../adapters/discord/register-commands.ts";
import { ConfigError, readConfig } from "../src/config.ts";
import { errorMessage } from "../src/serialize-error.ts";

const USAGE = "Usage: npm run discord:register [-- --guild <server id>]";

async function main(argv: string[]): Promise<number> {
  let guildId: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (arg === "--guild") {
      guildId = argv[++i];
      if (!guildId || !/^\d{17,20}$/.test(guildId)) {
        process.stderr.write(
          `--guild needs the server's id: 17 to 20 digits (Copy Server ID, in developer mode).\n${USAGE}\n`,
        );
        return 2;
      }
      continue;
    }
    process.stderr.write(`Unknown argument "${arg}".\n${USAGE}\n`);
    return 2;
  }
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    process.stderr.write("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the commands.\n");
    return 2;
  }
  const rest = createRest({ token: config.DISCORD_TOKEN, api: config.DISCORD_API_URL, retries: 1 });
  try {
    const result = await registerCommands(rest, config.DISCORD_APPLICATION_ID, guildId);
    const where =
      result.scope === "global"
        ? "for every server (Discord may take a few minutes to show changes)"
        : `in server ${result.scope.guildId} (available now)`;
    process.stdout.write(`Registered /client with ${result.subcommands.length} subcommands ${where}:\n`);
    process.stdout.write(`  ${result.subcommands.join(", ")}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${describeRegisterError(error)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`discord:register stopped: ${errorMessage(error)}\n`);
    process.exitCode = 1;
  },
);
