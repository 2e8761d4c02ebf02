import { Injectable } from '@nestjs/common';
import { Sql } from '../database/sql';
import { Client } from './client.entity';
import { ClientDto } from './dto/client.dto';

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

interface ClientRow {
  id: number;
  project_id: number;
  name: string;
  client_id: string;
  secret_version: number;
  redirect_uris: string[];
  last_used_at: Date | null;
  created_at: Date;
  modified_at: Date;
}

const CLIENT_COLUMNS = `c.id, c.project_id, c.name, c.client_id, c.secret_version, c.redirect_uris,
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

  async insert(values: {
    projectId: number;
    name: string;
    clientId: string;
    clientSecretDigest: string;
    redirectUris: string[];
  }): Promise<ClientDto> {
    const { rows } = await this.sql.query<ClientRow>(
      `INSERT INTO client AS c (project_id, name, client_id, client_secret_digest, redirect_uris)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING ${CLIENT_COLUMNS}`,
      [
        values.projectId,
        values.name,
        values.clientId,
        values.clientSecretDigest,
        JSON.stringify(values.redirectUris),
      ],
    );
    // Grants come from users authorizing a client that already exists.
    return toClientDto(rows[0], 0);
  }

  /** Renames the client and, when given, replaces its redirect URIs. */
  async update(
    projectId: number,
    id: number,
    changes: { name: string; redirectUris?: string[] },
  ): Promise<ClientDto | undefined> {
    const { rows } = await this.sql.query<ClientRow & { grant_count: number }>(
      `UPDATE client c
          SET name = $3, redirect_uris = COALESCE($4::jsonb, c.redirect_uris), modified_at = now()
        WHERE c.project_id = $1 AND c.id = $2
       RETURNING ${CLIENT_COLUMNS}, ${GRANT_COUNT}`,
      [
        projectId,
        id,
        changes.name,
        changes.redirectUris ? JSON.stringify(changes.redirectUris) : null,
      ],
    );
    return rows[0] && toClientDto(rows[0], rows[0].grant_count);
  }

  /**
   * Stores a new secret digest under the next secret version; answers the
   * client and the version it replaced, whose tokens are to stop.
   */
  async replaceSecret(
    projectId: number,
    id: number,
    clientSecretDigest: string,
  ): Promise<{ client: ClientDto; replaced: ClientSecretVersion } | undefined> {
    const { rows } = await this.sql.query<ClientRow & { grant_count: number }>(
      `UPDATE client c
          SET client_secret_digest = $3, secret_version = c.secret_version + 1, modified_at = now()
        WHERE c.project_id = $1 AND c.id = $2
       RETURNING ${CLIENT_COLUMNS}, ${GRANT_COUNT}`,
      [projectId, id, clientSecretDigest],
    );
    const row = rows[0];
    return (
      row && {
        client: toClientDto(row, row.grant_count),
        // RETURNING sees the row after the increment.
        replaced: { id: row.id, secretVersion: row.secret_version - 1 },
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

  /** The client with this public id, digest included: authentication compares it. */
  async findWithDigest(clientId: string): Promise<Client | undefined> {
    const { rows } = await this.sql.query<ClientRow & { client_secret_digest: string }>(
      `SELECT ${CLIENT_COLUMNS}, c.client_secret_digest FROM client c WHERE c.client_id = $1`,
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
        secretVersion: row.secret_version,
        redirectUris: row.redirect_uris,
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
        WHERE c.client_id = $1`,
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

function toClientDto(row: ClientRow, grantCount: number): ClientDto {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    clientId: row.client_id,
    redirectUris: row.redirect_uris,
    lastUsedAt: row.last_used_at,
    grantCount,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}
