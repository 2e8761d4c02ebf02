import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ApiError,
  ConflictError,
  FieldErrors,
  NotFoundError,
  ValidationError,
} from '../common/api-error';
import { sqlState, UNIQUE_VIOLATION } from '../common/db-errors';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { containsPattern } from '../common/sql';
import { AccountTokens } from '../accounts/account-tokens';
import { PasswordService } from '../crypto/password.service';
import { Sql } from '../database/sql';
import { SessionService } from '../tokens/session.service';
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
    private readonly sql: Sql,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
    private readonly accountTokens: AccountTokens,
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

  /** A page of all users by name, or of those whose name or email contains `search`. */
  async list(query: PageQueryDto, search?: string): Promise<Page<User>> {
    const { total, users } = await this.users.page(
      search ? containsPattern(search) : null,
      query.pageSize,
      offsetOf(query),
    );
    return toPage(query, total, users);
  }

  /**
   * A global admin (`actorId`) changes a user. Never their own admin right
   * or activity, so there is always an active admin; and in a transaction
   * that locks both users' rows, so two admins demoting each other at once
   * cannot both succeed. Deactivating ends every session of the user — its
   * refresh and access tokens, apps' grants and browser sign-ins — at once
   * on every instance.
   */
  async administer(
    actorId: number,
    userId: number,
    changes: { name?: string; email?: string; isAdmin?: boolean; isActive?: boolean },
  ): Promise<User> {
    if (actorId === userId) refuseSelfDemotion(changes);
    const values = {
      // @IsOptional() lets null through: null means "not given", as everywhere else.
      name: changes.name?.trim(),
      email: changes.email?.trim(),
      isAdmin: changes.isAdmin ?? undefined,
      isActive: changes.isActive ?? undefined,
    };
    let result: { user: User; ended: string[] };
    try {
      result = await this.sql.transaction(async (db) => {
        const rights = await this.users.lockRights([actorId, userId], db);
        const actor = rights.find((r) => r.id === actorId);
        // Demoted or deactivated by another admin since the guard looked.
        if (!actor?.isAdmin || !actor.isActive) {
          throw new ApiError(HttpStatus.FORBIDDEN, 'This requires a global admin');
        }
        // Before the update: its trigger would end them too, without telling us which.
        const ended = values.isActive === false ? await this.sessions.endAllOfIn(userId, db) : [];
        const user = await this.users.update(userId, values, db);
        if (!user) throw new NotFoundError('User not found');
        // An account not yet verified is off already, so the database's
        // deactivation trigger does not fire: its sign-up link dies here.
        if (values.isActive === false)
          await this.accountTokens.revokeAll(db, userId, 'verify-email');
        return { user, ended };
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw new EmailTakenError();
      throw error;
    }
    // Once committed: the deny-list every instance holds, so tokens stop without a database look-up.
    await this.sessions.revokeEnded(result.ended);
    return result.user;
  }

  async setPassword(id: number, password: string): Promise<void> {
    await this.users.setPasswordHash(id, await this.passwords.hash(password));
  }
}

/** 400 naming each field a global admin may not change for themself. */
function refuseSelfDemotion(changes: { isAdmin?: boolean; isActive?: boolean }): void {
  const refused: FieldErrors = {};
  if (changes.isAdmin === false) {
    refused.isAdmin = [
      'isAdmin cannot be false for yourself: another global admin must take your admin rights away',
    ];
  }
  if (changes.isActive === false) {
    refused.isActive = [
      'isActive cannot be false for yourself: another global admin must deactivate you',
    ];
  }
  if (Object.keys(refused).length > 0) {
    throw new ValidationError(
      refused,
      'You cannot remove your own admin rights (isAdmin) or deactivate yourself (isActive), so there is always an admin',
    );
  }
}

/** Only the signed-in user changes themself: one that vanished is a server error, not a 404. */
function existing(id: number, user: User | null): User {
  if (!user) throw new Error(`User ${id} no longer exists`);
  return user;
}
