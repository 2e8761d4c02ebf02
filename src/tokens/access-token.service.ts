import { createHash, KeyObject, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService, JwtVerifyOptions } from '@nestjs/jwt';
import { authConfig, AuthConfig } from '../config/configuration';
import { SigningKeyService } from './signing-key.service';

/** The claims of a user access token (RFC 9068 plus contentjet's `userId`). */
export interface UserAccessClaims {
  sub: string;
  userId: number;
  sid: string;
  /**
   * Delegated tokens only: the API client acting for the user, its project,
   * scope and secret version (rotating or deleting the client revokes them).
   */
  cid?: number;
  pid?: number;
  scope?: string;
  ver?: number;
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

/** The claims of an API client's read token (client-credentials grant). */
export interface ClientAccessClaims {
  sub: string;
  clientId: number;
  projectId: number;
  /** The client's secret version when issued: rotation revokes older ones. */
  ver: number;
  /** Space-separated: `read` always, `preview` for drafts, and any labels the client was granted. */
  scope: string;
  /** The entry types it may read; absent for all. */
  ety?: number[];
  jti: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

export interface SignedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** The API client a user's token acts through (authorization code grant). */
export interface TokenDelegation {
  clientId: number;
  projectId: number;
  scope: string;
  secretVersion: number;
}

/** Why a bearer token was not accepted. */
export type AccessTokenFailure = 'missing' | 'expired' | 'invalid' | 'revoked';

const FAILURE_MESSAGES: Record<AccessTokenFailure, string> = {
  missing: 'Authentication required',
  expired: 'The access token has expired',
  invalid: 'The access token is invalid',
  revoked: 'The access token has been revoked',
};

export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';

  constructor(readonly reason: AccessTokenFailure) {
    super(FAILURE_MESSAGES[reason]);
  }
}

/**
 * One error per reason, made once: refusing a token is the path a flood of
 * bad tokens takes, and building an Error captures a stack each time.
 */
const ACCESS_TOKEN_ERRORS = Object.fromEntries(
  (Object.keys(FAILURE_MESSAGES) as AccessTokenFailure[]).map((reason) => [
    reason,
    Object.freeze(new AccessTokenError(reason)),
  ]),
) as Record<AccessTokenFailure, AccessTokenError>;

/** The AccessTokenError for `reason`, to throw. */
export function accessTokenError(reason: AccessTokenFailure): AccessTokenError {
  return ACCESS_TOKEN_ERRORS[reason];
}

/**
 * Two kinds of `invalid` the verifier tells apart by identity, so a refusal
 * never decodes the token's header again: a token under a key known here
 * that failed (no key reload can make it valid: a kid is its key's
 * thumbprint), and a token naming a key not known here (perhaps one another
 * instance just rotated to).
 */
const INVALID_UNDER_KNOWN_KEY: AccessTokenError = Object.freeze(new AccessTokenError('invalid'));
const UNKNOWN_KEY: AccessTokenError = Object.freeze(new AccessTokenError('invalid'));

/** RFC 9068 §2.1: the header type of an access token, checked on every verify. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** The algorithm of tokens issued before signing keys, accepted only for a while after them. */
const LEGACY_ALGORITHM = 'HS256';

/** Verified tokens kept, oldest dropped first: about 5 MB at most. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Digests of tokens refused for good, oldest dropped first (about 1 MB): a
 * client retrying a bad token costs a digest and a lookup, not a signature
 * check. Only tokens naming a key known here are held: an unknown key may
 * be one another instance has just rotated to.
 */
export const REFUSED_TOKEN_CACHE_SIZE = 10_000;

type AccessClaims = UserAccessClaims | ClientAccessClaims;

/** How bearer tokens fared since start, for /metrics. */
export interface TokenVerificationStats {
  /** Answered from the verified-token cache. */
  cached: number;
  /** Signature and claims checked. */
  verified: number;
  /** Refused, by reason. */
  refused: Record<'expired' | 'invalid', number>;
}

/** A token whose signature and claims were verified, and the key that verified it. */
interface VerifiedToken {
  claims: AccessClaims;
  kid: string;
}

interface DecodedToken {
  header: { typ?: unknown };
  payload: unknown;
}

/**
 * Signs access tokens with the current signing key (ES256, `kid` in the
 * header) and verifies them with the key their `kid` names. A token whose
 * signature and claims were verified once is remembered (by its SHA-256),
 * so a client sending the same token again costs a digest and a lookup;
 * revocation is not remembered here: callers check the deny-list on every
 * request.
 */
@Injectable()
export class AccessTokenService {
  private readonly signer = new JwtService();
  /** A verifier per key, made once: the key is fixed in it, never taken from the token. */
  private readonly verifiers = new WeakMap<KeyObject, JwtService>();
  private readonly verified = new Map<string, VerifiedToken>();
  private readonly refused = new Set<string>();
  private readonly counts: TokenVerificationStats = {
    cached: 0,
    verified: 0,
    refused: { expired: 0, invalid: 0 },
  };

  constructor(
    private readonly keys: SigningKeyService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  signForUser(
    userId: number,
    sessionId: string,
    delegation?: TokenDelegation | null,
  ): SignedAccessToken {
    const expiresIn = this.config.userTokenExpiry;
    const delegated = delegation
      ? {
          cid: delegation.clientId,
          pid: delegation.projectId,
          scope: delegation.scope,
          ver: delegation.secretVersion,
        }
      : {};
    const accessToken = this.sign(
      { userId, sid: sessionId, ...delegated },
      String(userId),
      expiresIn,
    );
    return { accessToken, expiresIn };
  }

  /**
   * An API client's read token: what it was granted travels in the token,
   * so reading with it needs no database round trip.
   */
  signForClient(grant: {
    client: { id: number; projectId: number; secretVersion: number };
    scopes: string[];
    entryTypeIds: number[] | null;
    expiresIn: number;
  }): SignedAccessToken {
    const { client, expiresIn } = grant;
    const accessToken = this.sign(
      {
        clientId: client.id,
        projectId: client.projectId,
        ver: client.secretVersion,
        scope: grant.scopes.join(' '),
        ...(grant.entryTypeIds ? { ety: grant.entryTypeIds } : {}),
      },
      `client:${client.id}`,
      expiresIn,
    );
    return { accessToken, expiresIn };
  }

  /**
   * The one verifier of access tokens: the signature with the key the
   * `kid` names, in that key's algorithm only (or, without a `kid`, HS256
   * with the shared secret for tokens issued before signing keys existed),
   * header type, issuer and audience, then the claims' shape. Throws an
   * AccessTokenError saying why not. `allowExpired` is for revocation,
   * where an expired token still names what to end.
   */
  verifyOrThrow(token: string, options: { allowExpired?: boolean } = {}): AccessClaims {
    const digest = createHash('sha256').update(token).digest('base64url');
    const known = this.verified.get(digest);
    // A key taken out of the key set (by hand, say, after a leak) voids what it verified.
    if (known && this.keys.verificationKey(known.kid)) {
      if (!options.allowExpired && Math.floor(Date.now() / 1000) >= known.claims.exp) {
        this.verified.delete(digest);
        this.counts.refused.expired++;
        throw accessTokenError('expired');
      }
      this.counts.cached++;
      return known.claims;
    }
    if (this.refused.has(digest)) {
      this.counts.refused.invalid++;
      throw accessTokenError('invalid');
    }
    let verified: { claims: AccessClaims; kid: string | null };
    try {
      verified = this.verifySignature(token, options.allowExpired ?? false);
    } catch (error) {
      const reason = (error as AccessTokenError).reason === 'expired' ? 'expired' : 'invalid';
      this.counts.refused[reason]++;
      if (error === INVALID_UNDER_KNOWN_KEY) this.rememberRefused(digest);
      throw error;
    }
    this.counts.verified++;
    const { claims, kid } = verified;
    if (kid !== null && Math.floor(Date.now() / 1000) < claims.exp) {
      this.remember(digest, { claims: Object.freeze(claims), kid });
    }
    return claims;
  }

  /**
   * verifyOrThrow for a bearer token on a request: a token naming a key
   * not known here (one another instance just rotated to) waits for the key
   * set to be reloaded — at most every few seconds — and is checked again.
   */
  async verifyPresented(token: string): Promise<AccessClaims> {
    try {
      return this.verifyOrThrow(token);
    } catch (error) {
      if (error !== UNKNOWN_KEY) throw error;
      await this.keys.refreshForUnknownKid();
      return this.verifyOrThrow(token);
    }
  }

  /** Counts since start (a copy). */
  stats(): TokenVerificationStats {
    return { ...this.counts, refused: { ...this.counts.refused } };
  }

  /** The claims of a valid token of ours, or null. */
  verify(token: string, options: { allowExpired?: boolean } = {}): AccessClaims | null {
    try {
      return this.verifyOrThrow(token, options);
    } catch {
      return null;
    }
  }

  /** A user's own or delegated token, or null for anything else. */
  verifyUserToken(token: string): UserAccessClaims | null {
    const claims = this.verify(token);
    return claims && isUserClaims(claims) ? claims : null;
  }

  private sign(payload: object, subject: string, expiresIn: number): string {
    const key = this.keys.signingKey();
    return this.signer.sign(payload, {
      privateKey: key.privateKey,
      algorithm: key.alg,
      keyid: key.kid,
      header: { alg: key.alg, typ: ACCESS_TOKEN_TYPE, kid: key.kid },
      issuer: this.config.issuer,
      audience: this.config.audience,
      subject,
      jwtid: randomUUID(),
      expiresIn,
    });
  }

  /** Signature, expiry, issuer, audience, type and shape; the key's id, null for a legacy token (not remembered). */
  private verifySignature(
    token: string,
    allowExpired: boolean,
  ): { claims: AccessClaims; kid: string | null } {
    const header = headerOf(token);
    if (!header) throw accessTokenError('invalid');
    const { kid, alg } = header;
    const common = {
      issuer: this.config.issuer,
      audience: this.config.audience,
      ignoreExpiration: allowExpired,
      complete: true,
    } as const;
    if (kid !== undefined) {
      const key = typeof kid === 'string' ? this.keys.verificationKey(kid) : undefined;
      if (!key) {
        // Perhaps rotated to on another instance a moment ago: the next request will know.
        void this.keys.refreshForUnknownKid();
        throw typeof kid === 'string' ? UNKNOWN_KEY : accessTokenError('invalid');
      }
      try {
        const decoded = this.decode(token, key.publicKey, { ...common, algorithms: [key.alg] });
        return { claims: this.claimsOf(decoded), kid: key.kid };
      } catch (error) {
        throw error === accessTokenError('invalid') ? INVALID_UNDER_KNOWN_KEY : (error as Error);
      }
    }
    if (alg !== LEGACY_ALGORITHM) throw accessTokenError('invalid');
    const decoded = this.decode(token, this.keys.legacySecret, {
      ...common,
      algorithms: [LEGACY_ALGORITHM],
    });
    const claims = this.claimsOf(decoded);
    if (!this.keys.acceptsLegacyToken(claims.iat)) throw accessTokenError('invalid');
    return { claims, kid: null };
  }

  private decode(token: string, key: KeyObject, options: JwtVerifyOptions): DecodedToken {
    let verifier = this.verifiers.get(key);
    if (!verifier) {
      verifier = new JwtService(key.type === 'secret' ? { secret: key } : { publicKey: key });
      this.verifiers.set(key, verifier);
    }
    try {
      return verifier.verify<DecodedToken & object>(token, options);
    } catch (error) {
      throw accessTokenError(
        (error as Error | undefined)?.name === 'TokenExpiredError' ? 'expired' : 'invalid',
      );
    }
  }

  private claimsOf(decoded: DecodedToken): AccessClaims {
    const claims = accessTokenClaims(decoded);
    if (!claims || typeof claims.iat !== 'number') throw accessTokenError('invalid');
    return claims;
  }

  private rememberRefused(digest: string): void {
    if (this.refused.size >= REFUSED_TOKEN_CACHE_SIZE) {
      const oldest = this.refused.values().next();
      if (!oldest.done) this.refused.delete(oldest.value);
    }
    this.refused.add(digest);
  }

  private remember(digest: string, verified: VerifiedToken): void {
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(digest, verified);
  }
}

/** The JOSE header of a compact JWS, read before anything is verified; null when it is not one. */
function headerOf(token: string): { kid?: unknown; alg?: unknown } | null {
  const end = token.indexOf('.');
  if (end <= 0) return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, end), 'base64url').toString());
    return typeof header === 'object' && header !== null && !Array.isArray(header) ? header : null;
  } catch {
    return null;
  }
}

/** The claims of a verified token of ours (`{header, payload}`), or null when it is not one. */
export function accessTokenClaims(decoded: {
  header: { typ?: unknown };
  payload: unknown;
}): UserAccessClaims | ClientAccessClaims | null {
  if (decoded.header.typ !== ACCESS_TOKEN_TYPE) return null;
  const claims = decoded.payload;
  return isUserClaims(claims) || isClientClaims(claims) ? claims : null;
}

export function isClientClaims(claims: unknown): claims is ClientAccessClaims {
  const c = claims as Partial<ClientAccessClaims> | null;
  return (
    typeof c?.clientId === 'number' &&
    typeof c.projectId === 'number' &&
    typeof c.ver === 'number' &&
    typeof c.scope === 'string' &&
    (c.ety === undefined ||
      (Array.isArray(c.ety) && c.ety.every((typeId) => Number.isInteger(typeId)))) &&
    typeof c.jti === 'string' &&
    typeof c.exp === 'number'
  );
}

export function isUserClaims(claims: unknown): claims is UserAccessClaims {
  const c = claims as Partial<UserAccessClaims> | null;
  return (
    typeof c?.userId === 'number' &&
    typeof c.sid === 'string' &&
    typeof c.jti === 'string' &&
    typeof c.exp === 'number' &&
    // A delegated token names its client completely, or it is not ours.
    (c.cid === undefined ||
      (typeof c.cid === 'number' && typeof c.pid === 'number' && typeof c.ver === 'number'))
  );
}
