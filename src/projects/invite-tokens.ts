import { createSecretKey, hkdfSync, KeyObject, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { authConfig, AuthConfig } from '../config/configuration';
import { sha256Hex } from '../crypto/digest';
import { tokenFromLink } from '../mail/admin-links';

/** How long an invitation link works. */
export const INVITE_LIFETIME_SECONDS = 7 * 86_400;

/** The header type of an invite token: an access token (`at+jwt`) is never taken for one. */
const INVITE_TOKEN_TYPE = 'invite+jwt';

/** What contentjet-ui decodes from the token (`projectId`) and what accepting it needs. */
export interface InviteClaims {
  projectId: number;
  projectInviteId: number;
  projectName: string;
}

/** A token just made: what to mail, what to store, and when it stops working. */
export interface IssuedInviteToken {
  token: string;
  digest: string;
  expiresAt: Date;
}

/**
 * Invitation tokens: JWTs (contentjet-ui decodes `projectId` from them) with
 * a random single-use id, HS256 under a key derived from JWT_SECRET for this
 * purpose alone, with their own `typ` and `aud`, so an invite token never
 * verifies as an access token nor an access token as an invite. Only the
 * token's SHA-256 digest is stored: the invite row says whether the token is
 * still the live one (not resent, accepted or cancelled).
 */
@Injectable()
export class InviteTokens {
  private readonly key: KeyObject;
  private readonly jwt: JwtService;
  private readonly issuer: string;
  private readonly audience: string;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.key = createSecretKey(
      Buffer.from(hkdfSync('sha256', config.jwtSecret, 'tessera invite tokens', 'invite', 32)),
    );
    this.jwt = new JwtService({ secret: this.key });
    this.issuer = config.issuer;
    this.audience = `${config.audience}/invite`;
  }

  issue(claims: InviteClaims): IssuedInviteToken {
    const token = this.jwt.sign(
      { ...claims },
      {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: INVITE_TOKEN_TYPE },
        issuer: this.issuer,
        audience: this.audience,
        // 128 random bits: a token is never issued twice, even within a second.
        jwtid: randomBytes(16).toString('base64url'),
        expiresIn: INVITE_LIFETIME_SECONDS,
      },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return { token, digest: sha256Hex(token), expiresAt: new Date(exp * 1000) };
  }

  /**
   * The claims and digest of a token signed here, unexpired, of the invite
   * type (from a link: `~` read as `.`); null for anything else. Whether it
   * is still the invite's live token is the invite row's to say.
   */
  verify(presented: string): (InviteClaims & { digest: string }) | null {
    const token = tokenFromLink(presented);
    try {
      const { header, payload } = this.jwt.verify<{
        header: { typ?: unknown };
        payload: Partial<Record<keyof InviteClaims, unknown>>;
      }>(token, {
        algorithms: ['HS256'],
        issuer: this.issuer,
        audience: this.audience,
        complete: true,
      });
      const { projectId, projectInviteId, projectName } = payload;
      if (
        header.typ !== INVITE_TOKEN_TYPE ||
        !Number.isSafeInteger(projectId) ||
        !Number.isSafeInteger(projectInviteId) ||
        typeof projectName !== 'string'
      ) {
        return null;
      }
      return {
        projectId: projectId as number,
        projectInviteId: projectInviteId as number,
        projectName,
        digest: sha256Hex(token),
      };
    } catch {
      return null;
    }
  }
}
