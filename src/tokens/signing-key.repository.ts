import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import { EcPublicJwk, SealedSigningKey, SigningAlgorithm } from './signing-key';

/** A signing key as stored: the current one (with its sealed private key) or a retired one. */
export interface StoredSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  publicJwk: EcPublicJwk;
  /** Null once retired. */
  sealedPrivateKey: string | null;
  createdAt: Date;
  retiredAt: Date | null;
}

/** The keys still needed, and when the first key of all was made (the end of HS256 signing). */
export interface StoredKeySet {
  keys: StoredSigningKey[];
  firstCreatedAt: Date | null;
}

interface SigningKeyRow {
  kid: string;
  alg: SigningAlgorithm;
  public_jwk: EcPublicJwk | string;
  private_key: string | null;
  created_at: Date | string;
  retired_at: Date | string | null;
  first_created_at: Date | string;
}

/** Any 64-bit number unique to Tessera: rotations take turns under it. */
const ROTATION_LOCK_KEY = '7428790451200000001';

/** The `signing_key` table. */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Writes `key` as the current key unless there is one; true when it did.
   * Instances starting together on an empty table race here: the unique
   * index on the current key lets exactly one insert win.
   */
  async insertFirst(key: SealedSigningKey): Promise<boolean> {
    const { rowCount } = await this.sql.query(
      `INSERT INTO signing_key (kid, alg, public_jwk, private_key)
       SELECT $1, $2, $3::jsonb, $4
        WHERE NOT EXISTS (SELECT 1 FROM signing_key WHERE retired_at IS NULL)
       ON CONFLICT DO NOTHING`,
      [key.kid, key.alg, JSON.stringify(key.publicJwk), key.sealedPrivateKey],
    );
    return rowCount > 0;
  }

  /**
   * Retires the current key (dropping its private key, which nothing signs
   * with again) and makes `key` current, in one transaction. Concurrent
   * rotations take turns, so each retires the key the previous one made.
   * Answers the kids it retired.
   */
  rotate(key: SealedSigningKey): Promise<string[]> {
    return this.sql.transaction(async (db) => {
      await db.query(`SELECT pg_advisory_xact_lock($1::bigint)`, [ROTATION_LOCK_KEY]);
      const { rows } = await db.query<{ kid: string }>(
        `UPDATE signing_key SET retired_at = now(), private_key = NULL
          WHERE retired_at IS NULL RETURNING kid`,
      );
      await db.query(
        `INSERT INTO signing_key (kid, alg, public_jwk, private_key) VALUES ($1, $2, $3::jsonb, $4)`,
        [key.kid, key.alg, JSON.stringify(key.publicJwk), key.sealedPrivateKey],
      );
      return rows.map((row) => row.kid);
    });
  }

  /**
   * The current key and those retired less than `retiredWithinSeconds` ago
   * (their tokens may still be alive), newest first.
   */
  async keySet(retiredWithinSeconds: number): Promise<StoredKeySet> {
    const { rows } = await this.sql.query<SigningKeyRow>(
      `SELECT kid, alg, public_jwk, private_key, created_at, retired_at,
              (SELECT min(created_at) FROM signing_key) AS first_created_at
         FROM signing_key
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY created_at DESC, kid`,
      [retiredWithinSeconds],
    );
    return {
      keys: rows.map((row) => ({
        kid: row.kid,
        alg: row.alg,
        publicJwk:
          typeof row.public_jwk === 'string'
            ? (JSON.parse(row.public_jwk) as EcPublicJwk)
            : row.public_jwk,
        sealedPrivateKey: row.private_key,
        createdAt: new Date(row.created_at),
        retiredAt: row.retired_at === null ? null : new Date(row.retired_at),
      })),
      firstCreatedAt: rows.length > 0 ? new Date(rows[0].first_created_at) : null,
    };
  }
}
