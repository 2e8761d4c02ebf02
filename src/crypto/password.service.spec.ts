import { PasswordService } from './password.service';

describe('PasswordService', () => {
  const passwords = new PasswordService();

  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    const first = await passwords.hash('correct horse battery');
    const second = await passwords.hash('correct horse battery');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toEqual(second);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await passwords.hash('correct horse battery');
    await expect(passwords.verify(stored, 'correct horse battery')).resolves.toBe(true);
    await expect(passwords.verify(stored, 'Correct horse battery')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch rather than throwing', async () => {
    await expect(passwords.verify('not-a-hash', 'anything')).resolves.toBe(false);
  });
});

describe('PasswordService rehash and dummy verify', () => {
  const passwords = new PasswordService();

  it('asks for a rehash only when the parameters differ from the current ones', async () => {
    expect(passwords.needsRehash(await passwords.hash('x'.repeat(10)))).toBe(false);
    expect(
      passwords.needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHQ$Ym9ndXNoYXNoYm9ndXNoYXNo'),
    ).toBe(true);
  });

  it('verifies against nothing by running a real argon2id verify, and always fails', async () => {
    const verify = jest.spyOn(passwords, 'verify');
    await expect(passwords.verifyAgainstNothing('anything')).resolves.toBe(false);
    expect(verify).toHaveBeenCalledWith(
      expect.stringMatching(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/),
      'anything',
    );
  });
});
