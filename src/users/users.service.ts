import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { ConflictError } from '../common/api-error';
import { PasswordService } from '../crypto/password.service';
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

  /** The user with what a sign-in needs: the password hash. */
  findForSignIn(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email: email.trim() })
      .getOne();
  }

  /**
   * Stores a hash made with the current parameters after a sign-in with an
   * older one — unless the password changed meanwhile.
   */
  async replacePasswordHash(id: number, verified: string, passwordHash: string): Promise<void> {
    await this.users.update({ id, passwordHash: verified }, { passwordHash });
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

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === UNIQUE_VIOLATION
  );
}
