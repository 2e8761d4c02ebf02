import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { webhooksConfig, WebhooksConfig } from '../config/configuration';
import { SecretBox } from '../crypto/secret-box';

/** Standard Webhooks' prefix for a base64 signing secret. */
const PREFIX = 'whsec_';

/**
 * A hook's signing secret must be usable to sign, so unlike the other
 * secrets it cannot be kept as a digest: it is sealed (AES-GCM under a key
 * derived from WEBHOOK_KEY or JWT_SECRET) and bound to its hook, so a sealed
 * value copied onto another hook does not open.
 */
@Injectable()
export class HookSecrets {
  private readonly box: SecretBox;

  constructor(@Inject(webhooksConfig.KEY) config: WebhooksConfig) {
    this.box = new SecretBox(config.sealingSecret, 'web hook secrets');
  }

  /** A new secret in the form receivers' Standard Webhooks libraries take: `whsec_<base64 of 32 bytes>`. */
  generate(): string {
    return `${PREFIX}${randomBytes(32).toString('base64')}`;
  }

  seal(secret: string, hookId: number): string {
    return this.box.seal(Buffer.from(secret, 'utf8'), contextOf(hookId));
  }

  open(sealed: string, hookId: number): string {
    return this.box.open(sealed, contextOf(hookId)).toString('utf8');
  }
}

function contextOf(hookId: number): string {
  return `web_hook:${hookId}`;
}
