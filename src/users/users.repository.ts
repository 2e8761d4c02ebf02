import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import { User } from './user.entity';

interface UserRow {
  id: number;
  email: string;
  name: string;
  is_admin: boolean;
  is_active: boolean;
  created_at: Date;
  modified_at: Date;
}

/** Only sign-in reads the hash: every other read leaves it in the database. */
interface UserWithHashRow extends UserRow {
  password_hash: string;
}

const USER_COLUMNS = `id, email, name, is_admin, is_active, created_at, modified_at`;

/** The `user` table. Emails match case-insensitively, as the unique index does. */
@Injectable()
export class UsersRepository {
  constructor(private readonly sql: Sql) {}

  /** Fails with a unique violation when the email is taken. */
  async insert(values: {
    email: string;
    name: string;
    passwordHash: string;
    isAdmin: boolean;
  }): Promise<User> {
    const { rows } = await this.sql.query<UserRow>(
      `INSERT INTO "user" (email, name, password_hash, is_admin) VALUES ($1, $2, $3, $4)
       RETURNING ${USER_COLUMNS}`,
      [values.email, values.name, values.passwordHash, values.isAdmin],
    );
    return toUser(rows[0]);
  }

  async findById(id: number): Promise<User | null> {
    const { rows } = await this.sql.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM "user" WHERE id = $1`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const { rows } = await this.sql.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM "user" WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findWithHashByEmail(email: string): Promise<User | null> {
    const { rows } = await this.sql.query<UserWithHashRow>(
      `SELECT ${USER_COLUMNS}, password_hash FROM "user" WHERE lower(email) = lower($1)`,
      [email],
    );
    const row = rows[0];
    return row ? Object.assign(toUser(row), { passwordHash: row.password_hash }) : null;
  }

  /**
   * Changes what is given and answers the user as it now is; null when there
   * is no such user. Fails with a unique violation when the email is taken.
   */
  async update(id: number, changes: { name?: string; email?: string }): Promise<User | null> {
    // COALESCE keeps a column that was not given; names and emails are never null.
    const { rows } = await this.sql.query<UserRow>(
      `UPDATE "user" SET name = COALESCE($2, name), email = COALESCE($3, email), modified_at = now()
        WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [id, changes.name ?? null, changes.email ?? null],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Replaces the hash only while it is still `current`, so a concurrent change wins. */
  async replacePasswordHash(id: number, current: string, passwordHash: string): Promise<void> {
    await this.sql.query(
      `UPDATE "user" SET password_hash = $3, modified_at = now()
        WHERE id = $1 AND password_hash = $2`,
      [id, current, passwordHash],
    );
  }

  async setPasswordHash(id: number, passwordHash: string): Promise<void> {
    await this.sql.query(
      `UPDATE "user" SET password_hash = $2, modified_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }
}

// An entity instance, as callers got from TypeORM: one without the hash still types as a User.
function toUser(row: UserRow): User {
  return Object.assign(new User(), {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: row.is_admin,
    isActive: row.is_active,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  });
}
