import { Injectable } from '@nestjs/common';
import { ConflictError } from '../common/api-error';
import { sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { PasswordService } from '../crypto/password.service';
import { CreateUserDto } from './dto/create-user.dto';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('A user with this email already exists');
  }
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
  ) {}

  async create(input: CreateUserDto): Promise<User> {
    // Checked first so a taken address costs no password hashing.
    if (await this.findByEmail(input.email)) throw new EmailTakenError();
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.users.insert({
        email: input.email.trim(),
        name: input.name.trim(),
        passwordHash,
        isAdmin: input.isAdmin ?? false,
      });
    } catch (error) {
      // Two sign-ups for one address at once: the unique index decides.
      if (sqlState(error) === UNIQUE_VIOLATION) throw new EmailTakenError();
      throw error;
    }
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email.trim());
  }

  findById(id: number): Promise<User | null> {
    return this.users.findById(id);
  }

  /** The user with what a sign-in needs: the password hash. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users.findWithHashByEmail(email.trim());
  }

  /**
   * Stores a hash made with the current parameters after a sign-in with an
   * older one — unless the password changed meanwhile.
   */
  async replacePasswordHash(id: number, verified: string, passwordHash: string): Promise<void> {
    await this.users.replacePasswordHash(id, verified, passwordHash);
  }

  async update(
    id: number,
    changes: { name?: string | null; email?: string | null },
  ): Promise<User> {
    // @IsOptional() lets null through: null means "not given", as everywhere else.
    const name = changes.name?.trim();
    const email = changes.email?.trim();
    if (name === undefined && email === undefined) return existing(id, await this.findById(id));
    try {
      // The unique index on lower(email) is the check: the user's own address never collides.
      return existing(id, await this.users.update(id, { name, email }));
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new EmailTakenError();
      throw error;
    }
  }

  async setPassword(id: number, password: string): Promise<void> {
    await this.users.setPasswordHash(id, await this.passwords.hash(password));
  }
}

/** Only the signed-in user changes themself: one that vanished is a server error, not a 404. */
function existing(id: number, user: User | null): User {
  if (!user) throw new Error(`User ${id} no longer exists`);
  return user;
}
