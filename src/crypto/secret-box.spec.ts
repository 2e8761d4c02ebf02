import { SealedValueError, SecretBox } from './secret-box';

describe('SecretBox (AES-256-GCM under an HKDF-derived key)', () => {
  const secret = 'a shared secret of more than thirty-two characters';
  const box = new SecretBox(secret, 'signing keys');
  const plaintext = Buffer.from('private key material');

  it('opens what it sealed, and never stores the plaintext in clear', () => {
    const sealed = box.seal(plaintext, 'kid-1');
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(Buffer.from(sealed.slice(3), 'base64url').includes(plaintext)).toBe(false);
    expect(box.open(sealed, 'kid-1')).toEqual(plaintext);
  });

  it('seals the same plaintext differently each time (a fresh IV)', () => {
    expect(box.seal(plaintext, 'kid-1')).not.toEqual(box.seal(plaintext, 'kid-1'));
  });

  it('refuses another secret, another purpose and another row', () => {
    const sealed = box.seal(plaintext, 'kid-1');
    expect(new SecretBox(secret, 'signing keys').open(sealed, 'kid-1')).toEqual(plaintext);
    for (const [other, context] of [
      [new SecretBox(`${secret}!`, 'signing keys'), 'kid-1'],
      [new SecretBox(secret, 'something else'), 'kid-1'],
      [box, 'kid-2'],
    ] as const) {
      expect(() => other.open(sealed, context)).toThrow(SealedValueError);
    }
  });

  it('refuses a sealed value with any byte changed, cut short or of an unknown format', () => {
    const sealed = box.seal(plaintext, 'kid-1');
    const body = Buffer.from(sealed.slice(3), 'base64url');
    for (let index = 0; index < body.length; index += 1) {
      const altered = Buffer.from(body);
      altered[index] ^= 0x01;
      expect(() => box.open(`v1.${altered.toString('base64url')}`, 'kid-1')).toThrow(
        SealedValueError,
      );
    }
    for (const broken of [
      `v1.${body.subarray(0, 20).toString('base64url')}`,
      `v2.${body.toString('base64url')}`,
      `${sealed}.extra`,
      'v1',
      '',
    ]) {
      expect(() => box.open(broken, 'kid-1')).toThrow(SealedValueError);
    }
  });
});
