import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import { Client } from './client.entity';
import { ClientDto, TokenResponseFormat } from './dto/client.dto';

export interface AuthorizingClient {
  id: number;
  name: string;
  projectId: number;
  projectName: string;
  redirectUris: string[];
}

export interface ClientSecretVersion {
  id: number;
  secretVersion: number;
}

/** What decides the tokens a client gets: who may read what, until when, for how long. */
export interface ClientPolicy {
  scopes: string[];
  entryTypeIds: number[] | null;
  expiresAt: Date | null;
  tokenLifetime: number | null;
  tokenResponse: TokenResponseFormat;
}

interface ClientRow {
  id: number;
  project_id: number;
  name: string;
  client_id: string;
  secret_version: number;
  redirect_uris: string[];
  scopes: string[];
  entry_type_ids: number[] | null;
  expires_at: Date | null;
  token_lifetime: number | null;
  token_response: TokenResponseFormat;
  previous_secret_expires_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  modified_at: Date;
}

const CLIENT_COLUMNS = `c.id, c.project_id, c.name, c.client_id, c.secret_version, c.redirect_uris,
  c.scopes, c.entry_type_ids, c.expires_at, c.token_lifetime, c.token_response,
  CASE WHEN c.previous_secret_expires_at > now() THEN c.previous_secret_expires_at END
    AS previous_secret_expires_at,
  c.last_used_at, c.created_at, c.modified_at`;

/** How many users let the client `c` act for them: live authorization code grants. */
const GRANT_COUNT = `(SELECT count(DISTINCT s.user_id)::int FROM session s
   WHERE s.client_id = c.id AND s.revoked_at IS NULL AND s.expires_at > now()) AS grant_count`;

/**
 * The client table. Every statement about one client names its project as
 * well: a client of another project is simply not there.
 */
@Injectable()
export class ClientsRepository {
  constructor(private readonly sql: Sql) {}

  async list(projectId: number): Promise<ClientDto[]> {
    const { rows } = await this.sql.query<ClientRow & { grant_count: number }>(
      `SELECT ${CLIENT_COLUMNS}, ${GRANT_COUNT}
         FROM client c WHERE c.project_id = $1 ORDER BY c.name, c.id`,
      [projectId],
    );
    return rows.map((row) => toClientDto(row, row.grant_count));
  }

  async find(projectId: number, id: number): Promise<ClientDto | undefined> {
    const { rows } = await this.sql.query<ClientRow & { grant_count: number }>(
      `SELECT ${CLIENT_COLUMNS}, ${GRANT_COUNT} FROM client c WHERE c.project_id = $1 AND c.id = $2`,
      [projectId, id],
    );
    return rows[0] && toClientDto(rows[0], rows[0].grant_count);
  }

  async insert(
    values: {
      projectId: number;
      name: string;
      clientId: string;
      clientSecretDigest: string;
      redirectUris: string[];
    } & ClientPolicy,
  ): Promise<ClientDto> {
    const { rows } = await this.sql.query<ClientRow>(
      `INSERT INTO client AS c (project_id, name, client_id, client_secret_digest, redirect_uris,
         scopes, entry_type_ids, expires_at, token_lifetime, token_response)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8, $9, $10)
       RETURNING ${CLIENT_COLUMNS}`,
      [
        values.projectId,
        values.name,
        values.clientId,
        values.clientSecretDigest,
        JSON.stringify(values.redirectUris),
        ...policyParameters(values),
      ],
    );
    // Grants come from users authorizing a client that already exists.
    return toClientDto(rows[0], 0);
  }

  /** Which of these ids are entry types of the project. */
  async entryTypeIdsOf(projectId: number, ids: number[]): Promise<number[]> {
    const { rows } = await this.sql.query<{ id: number }>(
      `SELECT id FROM entry_type WHERE project_id = $1 AND id = ANY($2::int[])`,
      [projectId, ids],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Renames the client, replaces its redirect URIs when given, and sets its
   * policy, in one statement. A policy that grants less than the one it
   * replaces — a scope taken away, an entry-type limit added or narrowed,
   * an expiry added or brought forward — moves the client to the next
   * secret version and answers the one replaced: the tokens issued under it
   * carry what they were granted, and are to stop.
   */
  async update(
    projectId: number,
    id: number,
    changes: { name: string; redirectUris?: string[] } & ClientPolicy,
  ): Promise<{ client: ClientDto; replaced: ClientSecretVersion | null } | undefined> {
    const { rows } = await this.sql.query<
      ClientRow & { grant_count: number; replaced_version: number | null }
    >(
      `WITH before AS (
         SELECT id, secret_version,
                NOT ($5::jsonb @> scopes)
                OR ($6::jsonb IS NOT NULL AND (entry_type_ids IS NULL OR NOT $6::jsonb @> entry_type_ids))
                OR ($7::timestamptz IS NOT NULL AND (expires_at IS NULL OR $7::timestamptz < expires_at))
                  AS narrows
           FROM client WHERE project_id = $1 AND id = $2 FOR UPDATE)
       UPDATE client c
          SET name = $3, redirect_uris = COALESCE($4::jsonb, c.redirect_uris),
              scopes = $5::jsonb, entry_type_ids = $6::jsonb, expires_at = $7,
              token_lifetime = $8, token_response = $9,
              secret_version = c.secret_version + CASE WHEN before.narrows THEN 1 ELSE 0 END,
              modified_at = now()
         FROM before
        WHERE c.id = before.id
       RETURNING ${CLIENT_COLUMNS}, ${GRANT_COUNT},
                 CASE WHEN before.narrows THEN before.secret_version END AS replaced_version`,
      [
        projectId,
        id,
        changes.name,
        changes.redirectUris ? JSON.stringify(changes.redirectUris) : null,
        ...policyParameters(changes),
      ],
    );
    const row = rows[0];
    return (
      row && {
        client: toClientDto(row, row.grant_count),
        replaced:
          row.replaced_version === null
            ? null
            : { id: row.id, secretVersion: row.replaced_version },
      }
    );
  }

  /**
   * Stores a new secret digest. Without grace, under the next secret
   * version: the answer names the version replaced, whose tokens are to
   * stop. With grace, the old digest keeps authenticating for `graceSeconds`
   * under the same version, so its tokens live on (a secret still in an
   * earlier grace ends now).
   */
  async replaceSecret(
    projectId: number,
    id: number,
    clientSecretDigest: string,
    graceSeconds: number,
  ): Promise<{ client: ClientDto; replaced: ClientSecretVersion | null } | undefined> {
    const graced = graceSeconds > 0;
    const { rows } = await this.sql.query<ClientRow & { grant_count: number }>(
      `UPDATE client c
          SET previous_secret_digest = CASE WHEN $4 THEN c.client_secret_digest END,
              previous_secret_expires_at =
                CASE WHEN $4 THEN now() + make_interval(secs => $5) END,
              client_secret_digest = $3,
              secret_version = c.secret_version + CASE WHEN $4 THEN 0 ELSE 1 END,
              modified_at = now()
        WHERE c.project_id = $1 AND c.id = $2
       RETURNING ${CLIENT_COLUMNS}, ${GRANT_COUNT}`,
      [projectId, id, clientSecretDigest, graced, graceSeconds],
    );
    const row = rows[0];
    return (
      row && {
        client: toClientDto(row, row.grant_count),
        // RETURNING sees the row after the increment.
        replaced: graced ? null : { id: row.id, secretVersion: row.secret_version - 1 },
      }
    );
  }

  /** The deleted client's secret version, or undefined when there was none to delete. */
  async delete(projectId: number, id: number): Promise<ClientSecretVersion | undefined> {
    const { rows } = await this.sql.query<{ id: number; secret_version: number }>(
      `DELETE FROM client WHERE project_id = $1 AND id = $2 RETURNING id, secret_version`,
      [projectId, id],
    );
    return rows[0] && { id: rows[0].id, secretVersion: rows[0].secret_version };
  }

  /**
   * The client with this public id, digests included: authentication
   * compares them (the previous one only while its grace lasts).
   */
  async findWithDigest(clientId: string): Promise<Client | undefined> {
    const { rows } = await this.sql.query<
      ClientRow & { client_secret_digest: string; previous_secret_digest: string | null }
    >(
      `SELECT ${CLIENT_COLUMNS}, c.client_secret_digest,
              CASE WHEN c.previous_secret_expires_at > now() THEN c.previous_secret_digest END
                AS previous_secret_digest
         FROM client c WHERE c.client_id = $1`,
      [clientId],
    );
    const row = rows[0];
    return (
      row &&
      Object.assign(new Client(), {
        id: row.id,
        projectId: row.project_id,
        name: row.name,
        clientId: row.client_id,
        clientSecretDigest: row.client_secret_digest,
        previousSecretDigest: row.previous_secret_digest,
        previousSecretExpiresAt: row.previous_secret_expires_at,
        secretVersion: row.secret_version,
        redirectUris: row.redirect_uris,
        ...policyOf(row),
        lastUsedAt: row.last_used_at,
        createdAt: row.created_at,
        modifiedAt: row.modified_at,
      })
    );
  }

  /** Recorded at most once a minute: authentication, not every read, writes. */
  async recordUse(id: number): Promise<void> {
    await this.sql.query(
      `UPDATE client SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  /** An expired client is not there: no user can be asked to authorize it. */
  async findForAuthorization(clientId: string): Promise<AuthorizingClient | undefined> {
    const { rows } = await this.sql.query<{
      id: number;
      name: string;
      project_id: number;
      project_name: string;
      redirect_uris: string[];
    }>(
      `SELECT c.id, c.name, c.project_id, p.name AS project_name, c.redirect_uris
         FROM client c JOIN project p ON p.id = c.project_id
        WHERE c.client_id = $1 AND (c.expires_at IS NULL OR c.expires_at > now())`,
      [clientId],
    );
    const row = rows[0];
    return (
      row && {
        id: row.id,
        name: row.name,
        projectId: row.project_id,
        projectName: row.project_name,
        redirectUris: row.redirect_uris,
      }
    );
  }

  async secretVersionsOf(projectId: number): Promise<ClientSecretVersion[]> {
    const { rows } = await this.sql.query<{ id: number; secret_version: number }>(
      `SELECT id, secret_version FROM client WHERE project_id = $1`,
      [projectId],
    );
    return rows.map((row) => ({ id: row.id, secretVersion: row.secret_version }));
  }
}

function policyOf(row: ClientRow): ClientPolicy {
  return {
    scopes: row.scopes,
    entryTypeIds: row.entry_type_ids,
    expiresAt: row.expires_at,
    tokenLifetime: row.token_lifetime,
    tokenResponse: row.token_response,
  };
}

function policyParameters(policy: ClientPolicy): unknown[] {
  return [
    JSON.stringify(policy.scopes),
    policy.entryTypeIds ? JSON.stringify(policy.entryTypeIds) : null,
    policy.expiresAt,
    policy.tokenLifetime,
    policy.tokenResponse,
  ];
}

function toClientDto(row: ClientRow, grantCount: number): ClientDto {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    clientId: row.client_id,
    redirectUris: row.redirect_uris,
    ...policyOf(row),
    previousSecretExpiresAt: row.previous_secret_expires_at,
    lastUsedAt: row.last_used_at,
    grantCount,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
