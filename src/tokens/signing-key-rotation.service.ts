import { Inject, Injectable } from '@nestjs/common';
import { authConfig, AuthConfig } from '../config/configuration';
import { NotificationsService } from '../database/notifications.service';
import { generateSigningKey, signingKeyBox } from './signing-key';
import { SigningKeyRepository } from './signing-key.repository';
import { SIGNING_KEYS_CHANNEL } from './signing-key.service';

export interface Rotation {
  /** The new current key. */
  kid: string;
  /** The keys it replaced: published until their tokens expire, never signing again. */
  retired: string[];
}

/**
 * Makes a new signing key current (the command line's rotate-signing-key).
 * Needs no private key but the new one's, so it also replaces a key sealed
 * under a JWT_SECRET no instance has any more.
 */
@Injectable()
export class SigningKeyRotationService {
  constructor(
    private readonly repository: SigningKeyRepository,
    private readonly notifications: NotificationsService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async rotate(): Promise<Rotation> {
    const key = generateSigningKey(signingKeyBox(this.config.jwtSecret));
    const retired = await this.repository.rotate(key);
    // Running instances switch to the new key on this message; one that
    // misses it catches up within a minute, or at once when a token names it.
    await this.notifications.notify(SIGNING_KEYS_CHANNEL, key.kid);
    return { kid: key.kid, retired };
  }
}
