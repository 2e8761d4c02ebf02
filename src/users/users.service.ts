import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { ConflictError } from '../common/api-error';
import { PasswordService } from '../tokens/password.service';
import { CreateUserDto } from './dto/create-user.dto';
import { User } from './user.entity';

const UNIQUE_VIOLATION = '23505';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('A user with this email already exists');
  }
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
  ) {}

  async create(input: CreateUserDto): Promise<User> {
    if (await this.findByEmail(input.email)) throw new EmailTakenError();
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.users.save(
        this.users.create({
          email: input.email.trim(),
          name: input.name.trim(),
          passwordHash,
          isAdmin: input.isAdmin ?? false,
        }),
      );
    } catch (error) {
      // Two sign-ups for one address at once: the unique index decides.
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  findById(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** The user with what a sign-in needs: hash, activity and lockout state. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect(['user.passwordHash', 'user.lockedUntil', 'user.failedLoginCount'])
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  async findPasswordHash(id: number): Promise<string | null> {
    const user = await this.users
      .createQueryBuilder('user')
      .select(['user.id', 'user.passwordHash'])
      .where('user.id = :id', { id })
      .getOne();
    return user?.passwordHash ?? null;
  }

  /**
   * Counts a failed sign-in; the tenth within a 15-minute window locks the
   * account for 15 minutes. One statement, so parallel attempts all count.
   */
  async recordFailedSignIn(id: number): Promise<void> {
    await this.users.query(
      `UPDATE "user" SET
         failed_login_count = CASE WHEN ${WINDOW_OPEN} THEN failed_login_count + 1 ELSE 1 END,
         failed_login_since = CASE WHEN ${WINDOW_OPEN} THEN failed_login_since ELSE now() END,
         locked_until = CASE WHEN ${WINDOW_OPEN} AND failed_login_count + 1 >= $2
                             THEN now() + interval '${LOCKOUT_MINUTES} minutes' ELSE locked_until END
       WHERE id = $1`,
      [id, MAX_FAILED_SIGN_INS],
    );
  }

  /** Clears the failure count, and stores a new hash when the parameters changed. */
  async recordSuccessfulSignIn(id: number, newPasswordHash?: string): Promise<void> {
    await this.users.update(id, {
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      ...(newPasswordHash ? { passwordHash: newPasswordHash } : {}),
    });
  }

  async update(
    id: number,
    changes: { name?: string | null; email?: string | null },
  ): Promise<User> {
    // @IsOptional() lets null through: null means "not given", as everywhere else.
    const name = changes.name ?? undefined;
    const email = changes.email ?? undefined;
    if (email) {
      const owner = await this.findByEmail(email);
      if (owner && owner.id !== id) throw new EmailTakenError();
    }
    const values = {
      ...(name !== undefined ? { name: name.trim() } : {}),
      ...(email !== undefined ? { email: email.trim() } : {}),
    };
    try {
      if (Object.keys(values).length > 0) await this.users.update(id, values);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
    return this.users.findOneByOrFail({ id });
  }

  async setPassword(id: number, password: string): Promise<void> {
    await this.users.update(id, { passwordHash: await this.passwords.hash(password) });
  }
}

export const MAX_FAILED_SIGN_INS = 10;
const LOCKOUT_MINUTES = 15;
const WINDOW_OPEN = `failed_login_since > now() - interval '${LOCKOUT_MINUTES} minutes'`;

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
