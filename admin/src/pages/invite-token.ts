/** What an invitation's link says about itself (its JWT payload), read without verifying it. */
export interface InviteClaims {
  projectId: number;
  projectName: string;
}

/**
 * The project an invitation token is for, as contentjet-ui reads it: the
 * link writes the token's dots as `~`. Null for anything that is not such a
 * token; the API decides whether it is still good.
 */
export function inviteClaimsOf(token: string): InviteClaims | null {
  const parts = token.replace(/~/g, '.').split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { projectId, projectName } = payload;
    if (!Number.isSafeInteger(projectId) || typeof projectName !== 'string') return null;
    return { projectId: projectId as number, projectName };
  } catch {
    return null;
  }
}

/** The token as the API takes it (either form works; dots are what a JWT has). */
export const tokenOfLink = (token: string) => token.replace(/~/g, '.');
