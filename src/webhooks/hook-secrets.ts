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

  /**
   * Where a delivery that outlives its hook goes (projectDeleted: the hook
   * rows go with the project): its URL and secret, sealed under their own
   * context so neither kind of sealed value opens as the other.
   */
  sealTarget(target: HookTarget, hookId: number): string {
    return this.box.seal(Buffer.from(JSON.stringify(target), 'utf8'), targetContextOf(hookId));
  }

  openTarget(sealed: string, hookId: number): HookTarget {
    return JSON.parse(
      this.box.open(sealed, targetContextOf(hookId)).toString('utf8'),
    ) as HookTarget;
  }
}

export interface HookTarget {
  url: string;
  secret: string;
}

function contextOf(hookId: number): string {
  return `web_hook:${hookId}`;
}

function targetContextOf(hookId: number): string {
  return `web_hook_target:${hookId}`;
}
