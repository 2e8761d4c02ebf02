import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format of a sealed value, so a later scheme can be told apart from this one. */
const VERSION = 'v1';
/** Fixed, public: HKDF needs no secret salt when its input is already a high-entropy secret. */
const SALT = 'tessera secret box';

/** A sealed value that this key cannot open: another secret sealed it, or it was altered. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
}

/**
 * AES-256-GCM under a key derived with HKDF-SHA256 from a secret the
 * instances already share (JWT_SECRET), one derived key per purpose: what
 * is sealed for one purpose cannot be opened as another's.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32));
  }

  /**
   * `v1.<base64url(iv ‖ ciphertext ‖ tag)>`. `context` (a row's id) is
   * authenticated, not stored: a sealed value copied onto another row does
   * not open there.
   */
  seal(plaintext: Buffer, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${body.toString('base64url')}`;
  }

  /** The plaintext, or a SealedValueError (never the cipher's own message). */
  open(sealed: string, context: string): Buffer {
    const [version, encoded, ...rest] = sealed.split('.');
    if (version !== VERSION || encoded === undefined || rest.length > 0) {
      throw new SealedValueError('not a sealed value of a known format');
    }
    const body = Buffer.from(encoded, 'base64url');
    if (body.length < IV_BYTES + TAG_BYTES) throw new SealedValueError('sealed value too short');
    try {
      const decipher = createDecipheriv(ALGORITHM, this.key, body.subarray(0, IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new SealedValueError('sealed value does not open under this secret');
    }
  }
}
