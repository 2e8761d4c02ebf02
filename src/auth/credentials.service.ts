import { Injectable } from '@nestjs/common';
import { PasswordService } from '../tokens/password.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

/**
 * Checks an email and password. Unknown email, wrong password, inactive user
 * and locked account all answer null after the same argon2 work, so neither
 * the response nor its timing tells which.
 */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
  ) {}

  async verify(email: string, password: string): Promise<User | null> {
    const user = await this.users.findForSignIn(email);
    if (!user) return this.passwords.verifyAgainstNothing(password).then(() => null);

    const matches = await this.passwords.verify(user.passwordHash, password);
    const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > Date.now();
    if (locked) return null;
    if (!matches) {
      await this.users.recordFailedSignIn(user.id);
      return null;
    }
    if (!user.isActive) return null;
    const rehashed = this.passwords.needsRehash(user.passwordHash)
      ? await this.passwords.hash(password)
      : undefined;
    if (user.failedLoginCount > 0 || rehashed) {
      await this.users.recordSuccessfulSignIn(user.id, rehashed);
    }
    return user;
  }
}
