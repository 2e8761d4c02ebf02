import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { KeyObject } from 'node:crypto';
import { authConfig, AuthConfig } from '../config/configuration';
import { InvalidConfigurationError } from '../config/environment';
import { SealedValueError, SecretBox } from '../crypto/secret-box';
import { NotificationsService } from '../database/notifications.service';
import {
  EcPublicJwk,
  generateSigningKey,
  legacySigningSecret,
  openPrivateKey,
  publicKeyOf,
  SigningAlgorithm,
  signingKeyBox,
} from './signing-key';
import { SigningKeyRepository, StoredSigningKey } from './signing-key.repository';

/** Where a rotation is announced; the payload is the new key's id (public). */
export const SIGNING_KEYS_CHANNEL = 'tessera_signing_keys';

/** A token with an unknown `kid` reloads the key set at most this often. */
const UNKNOWN_KID_RELOAD_INTERVAL_MS = 5_000;
/** A safety net under the rotation NOTIFY: even a missed message is made up for within this. */
const REFRESH_EVERY_MS = 60_000;
/**
 * How much longer than the longest token lifetime a retired key stays
 * published: an instance that learns of a rotation late still signs with
 * the old key for a moment, and clocks differ a little.
 */
const RETIRED_KEY_SLACK_SECONDS = 300;

/** The key access tokens are signed with now. */
export interface CurrentSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
}

/** A key tokens are verified with: the current one or a retired one whose tokens may be alive. */
export interface VerificationKey {
  kid: string;
  alg: SigningAlgorithm;
  publicKey: KeyObject;
  publicJwk: EcPublicJwk;
  /** Milliseconds since the epoch; null for the current key. */
  retiredAt: number | null;
}

/** One entry of the JWKS (RFC 7517): a public key only. */
export interface PublishedJwk extends EcPublicJwk {
  kid: string;
  alg: SigningAlgorithm;
  use: 'sig';
}

/**
 * The signing keys, held in memory: the current key (its private key
 * unsealed) and the public keys of every key whose tokens may still be
 * alive. Loaded at start, creating the first key if there is none; reloaded
 * when a rotation is announced (NOTIFY), after a lost notification
 * connection, when a token names a key not known here (at most every few
 * seconds), and every minute as a safety net.
 */
@Injectable()
export class SigningKeyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SigningKeyService.name);
  private readonly box: SecretBox;
  /** The HS256 key of tokens issued before the first signing key. */
  readonly legacySecret: KeyObject;
  private current?: CurrentSigningKey;
  private verification = new Map<string, VerificationKey>();
  /** Seconds since the epoch: when the first signing key of all was made. */
  private firstKeyCreatedAt: number | null = null;
  private loads: Promise<void> = Promise.resolve();
  private loading?: Promise<void>;
  private lastReloadAt = 0;
  private refreshTimer?: NodeJS.Timeout;

  constructor(
    private readonly repository: SigningKeyRepository,
    notifications: NotificationsService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {
    this.box = signingKeyBox(config.jwtSecret);
    this.legacySecret = legacySigningSecret(config.jwtSecret);
    notifications.subscribe(SIGNING_KEYS_CHANNEL, {
      onMessage: () => void this.reloadQuietly(),
      onReconnect: () => this.reloadQuietly(),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    if (!this.current && (await this.repository.insertFirst(generateSigningKey(this.box)))) {
      this.logger.log('created the first access-token signing key');
    }
    if (!this.current) await this.reload();
    if (!this.current) throw new Error('no current signing key after creating one');
    this.refreshTimer = setInterval(() => void this.reloadQuietly(), REFRESH_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.refreshTimer);
  }

  /** The key to sign with. */
  signingKey(): CurrentSigningKey {
    if (!this.current) throw new Error('signing keys are not loaded yet');
    return this.current;
  }

  verificationKey(kid: string): VerificationKey | undefined {
    return this.verification.get(kid);
  }

  /**
   * Whether an HS256 token issued at `issuedAt` (seconds) may still be
   * accepted: only one issued before the first signing key existed, and
   * only within the longest token lifetime after that key was made.
   */
  acceptsLegacyToken(issuedAt: number, now = Date.now() / 1000): boolean {
    const switchedAt = this.firstKeyCreatedAt;
    return (
      switchedAt !== null && issuedAt < switchedAt && now < switchedAt + this.longestTokenLifetime
    );
  }

  /** The public keys consumers need: the current one and those retired too recently for their tokens to have expired. */
  publishedKeys(now = Date.now()): PublishedJwk[] {
    const oldest = now - this.retiredKeyWindowSeconds * 1000;
    return [...this.verification.values()]
      .filter((key) => key.retiredAt === null || key.retiredAt > oldest)
      .map((key) => ({ ...key.publicJwk, kid: key.kid, alg: key.alg, use: 'sig' }));
  }

  /**
   * For a token naming a key not known here: reloads the key set, unless it
   * was reloaded within the last few seconds (so forged kids cost at most
   * one query per interval). Never rejects.
   */
  refreshForUnknownKid(): Promise<void> {
    if (this.loading) return this.loading.catch(() => undefined);
    if (Date.now() - this.lastReloadAt < UNKNOWN_KID_RELOAD_INTERVAL_MS) return Promise.resolve();
    return this.reloadQuietly();
  }

  private get longestTokenLifetime(): number {
    return Math.max(this.config.userTokenExpiry, this.config.clientTokenExpiry);
  }

  private get retiredKeyWindowSeconds(): number {
    return this.longestTokenLifetime + RETIRED_KEY_SLACK_SECONDS;
  }

  private reloadQuietly(): Promise<void> {
    return this.reload().catch((error: unknown) =>
      this.logger.warn(`signing keys not reloaded: ${describe(error)}`),
    );
  }

  /** Loads after any load in flight, so one started before a rotation committed is followed by one that sees it. */
  private reload(): Promise<void> {
    this.lastReloadAt = Date.now();
    const next = this.loads.catch(() => undefined).then(() => this.load());
    this.loads = next;
    this.loading = next;
    const settle = () => {
      if (this.loading === next) this.loading = undefined;
    };
    next.then(settle, settle);
    return next;
  }

  private async load(): Promise<void> {
    const { keys, firstCreatedAt } = await this.repository.keySet(this.retiredKeyWindowSeconds);
    const stored = keys.find((key) => key.retiredAt === null);
    this.verification = new Map(keys.map((key) => [key.kid, this.verificationKeyOf(key)]));
    this.firstKeyCreatedAt = firstCreatedAt ? Math.floor(firstCreatedAt.getTime() / 1000) : null;
    if (stored && stored.kid !== this.current?.kid) this.current = this.unseal(stored);
  }

  private verificationKeyOf(key: StoredSigningKey): VerificationKey {
    const known = this.verification.get(key.kid);
    return {
      kid: key.kid,
      alg: key.alg,
      publicKey: known?.publicKey ?? publicKeyOf(key.publicJwk),
      publicJwk: key.publicJwk,
      retiredAt: key.retiredAt?.getTime() ?? null,
    };
  }

  private unseal(key: StoredSigningKey): CurrentSigningKey {
    try {
      return {
        kid: key.kid,
        alg: key.alg,
        privateKey: openPrivateKey(this.box, key.kid, key.sealedPrivateKey ?? ''),
      };
    } catch (error) {
      if (!(error instanceof SealedValueError)) throw error;
      // At start this stops the process; later (another instance rotated
      // under another secret) this instance keeps signing with its key,
      // which stays published until its tokens expire.
      throw new InvalidConfigurationError(
        `JWT_SECRET does not open the current signing key ${key.kid} (it was sealed under another secret): give every instance the same JWT_SECRET, or run rotate-signing-key to replace the key`,
      );
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
