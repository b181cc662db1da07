import { createHash, randomBytes } from "node:crypto";

/** A random token for a browser to carry (an OAuth state, a choice page), and the hash stored for it. */
export function newOAuthToken(): { token: string; id: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, id: oauthTokenId(token) };
}

export function oauthTokenId(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** How long a link or a choice page may be used. */
export const OAUTH_STEP_MINUTES = 10;
