import { Injectable } from '@nestjs/common';
import { Queryable, Sql } from '../database/sql';
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

  /**
   * A new account that stays off until its address is verified (sign-up);
   * null, writing nothing, when the address is taken.
   */
  async insertUnverified(
    db: Queryable,
    values: { email: string; name: string; passwordHash: string },
  ): Promise<User | null> {
    const { rows } = await db.query<UserRow>(
      `INSERT INTO "user" (email, name, password_hash, is_admin, is_active)
       VALUES ($1, $2, $3, false, false)
       ON CONFLICT (lower(email)) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [values.email, values.name, values.passwordHash],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Turns an account on (its address was verified); null when there is no such user. */
  async activate(db: Queryable, id: number): Promise<User | null> {
    const { rows } = await db.query<UserRow>(
      `UPDATE "user" SET is_active = true, modified_at = now() WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [id],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findById(id: number, db: Queryable = this.sql): Promise<User | null> {
    const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM "user" WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findByEmail(email: string, db: Queryable = this.sql): Promise<User | null> {
    const { rows } = await db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM "user" WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  /**
   * A page by name of the users whose name or email matches `pattern` (an
   * ILIKE pattern), or of all users; and how many there are in all.
   */
  async page(
    pattern: string | null,
    limit: number,
    offset: number,
  ): Promise<{ total: number; users: User[] }> {
    const matching = `($1::text IS NULL OR name ILIKE $1 OR email ILIKE $1)`;
    const { rows } = await this.sql.query<UserRow & { total: number }>(
      `SELECT count(*) OVER ()::int AS total, ${USER_COLUMNS} FROM "user"
        WHERE ${matching} ORDER BY name, id LIMIT $2 OFFSET $3`,
      [pattern, limit, offset],
    );
    // A page past the end has no row to carry the window's count.
    const total =
      rows[0]?.total ??
      (
        await this.sql.query<{ total: number }>(
          `SELECT count(*)::int AS total FROM "user" WHERE ${matching}`,
          [pattern],
        )
      ).rows[0].total;
    return { total, users: rows.map(toUser) };
  }

  /**
   * The rights of these users, their rows locked until `db`'s transaction
   * ends — in id order, so two transactions locking the same pair wait for
   * each other instead of deadlocking.
   */
  async lockRights(
    ids: number[],
    db: Queryable,
  ): Promise<{ id: number; isAdmin: boolean; isActive: boolean }[]> {
    const { rows } = await db.query<{ id: number; is_admin: boolean; is_active: boolean }>(
      `SELECT id, is_admin, is_active FROM "user" WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, isAdmin: row.is_admin, isActive: row.is_active }));
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
  async update(
    id: number,
    changes: { name?: string; email?: string; isAdmin?: boolean; isActive?: boolean },
    db: Queryable = this.sql,
  ): Promise<User | null> {
    // COALESCE keeps a column that was not given; none of them is ever null.
    const { rows } = await db.query<UserRow>(
      `UPDATE "user" SET name = COALESCE($2, name), email = COALESCE($3, email),
              is_admin = COALESCE($4, is_admin), is_active = COALESCE($5, is_active),
              modified_at = now()
        WHERE id = $1
       RETURNING ${USER_COLUMNS}`,
      [
        id,
        changes.name ?? null,
        changes.email ?? null,
        changes.isAdmin ?? null,
        changes.isActive ?? null,
      ],
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

  async setPasswordHash(id: number, passwordHash: string, db: Queryable = this.sql): Promise<void> {
    await db.query(`UPDATE "user" SET password_hash = $2, modified_at = now() WHERE id = $1`, [
      id,
      passwordHash,
    ]);
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
