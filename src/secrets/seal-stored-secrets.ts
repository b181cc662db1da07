import type { Logger } from "pino";
import type { Db } from "../../db/database.ts";
import { sealClearInstallations } from "../../db/queries/secrets.ts";
import type { SecretBox } from "./secret-box.ts";
import { withoutSecrets } from "./without-secrets.ts";

/**
 * At start: installations stored in clear by earlier versions are encrypted now that a key
 * is set (they kept working meanwhile). Without a key, nothing changes and the log says what
 * to set.
 */
export async function sealStoredSecrets(db: Db, box: SecretBox, log: Logger): Promise<void> {
  if (!box.ready) return;
  const sealed = await sealClearInstallations(
    db,
    (plain) => box.seal(plain),
    (data) => withoutSecrets(data) as Record<string, unknown>,
  );
  if (sealed > 0) log.info({ installations: sealed }, "installations stored in clear are now encrypted");
}
