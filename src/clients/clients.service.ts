import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { NotFoundError } from '../common/api-error';
import { digestsEqual, randomSecret, sha256Hex } from '../crypto/digest';
import { RevocationService } from '../tokens/revocation.service';
import { Client } from './client.entity';
import { ClientDto, ClientWithSecretDto, SaveClientDto } from './dto/client.dto';

/** Compared against when a client id is unknown, so both cases take the same time. */
const NO_CLIENT_DIGEST = sha256Hex('tessera-no-such-client');

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

/**
 * API clients. Every query names the project from the route as well as the
 * client: a client of another project is simply not found.
 */
@Injectable()
export class ClientsService {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    private readonly revocation: RevocationService,
  ) {}

  async list(projectId: number): Promise<ClientDto[]> {
    const clients = await this.clients.find({
      where: { projectId },
      order: { name: 'ASC', id: 'ASC' },
    });
    const grants = await this.grantCounts(clients.map((client) => client.id));
    return clients.map((client) => toDto(client, grants.get(client.id) ?? 0));
  }

  async get(projectId: number, id: number): Promise<ClientDto> {
    const client = await this.find(projectId, id);
    return toDto(client, (await this.grantCounts([id])).get(id) ?? 0);
  }

  async create(projectId: number, input: SaveClientDto): Promise<ClientWithSecretDto> {
    const clientSecret = randomSecret();
    const client = await this.clients.save({
      projectId,
      name: input.name.trim(),
      clientId: randomBytes(16).toString('hex'),
      clientSecretDigest: sha256Hex(clientSecret),
      redirectUris: input.redirectUris ?? [],
    });
    return { ...(await this.get(projectId, client.id)), clientSecret };
  }

  async update(projectId: number, id: number, input: SaveClientDto): Promise<ClientDto> {
    await this.find(projectId, id);
    await this.clients.update(
      { id, projectId },
      {
        name: input.name.trim(),
        ...(input.redirectUris ? { redirectUris: input.redirectUris } : {}),
      },
    );
    return this.get(projectId, id);
  }

  /**
   * Deletes the client; its live tokens, and those it holds for users, stop
   * working at once (its sessions go with it by cascade). Retired after the
   * delete: a token minted in between carries the same secret version.
   */
  async remove(projectId: number, id: number): Promise<void> {
    const client = await this.find(projectId, id);
    await this.clients.delete({ id, projectId });
    await this.revokeTokens([client]);
  }

  /** A new secret, shown once; the old secret and every token issued with it stop working. */
  async rotateSecret(projectId: number, id: number): Promise<ClientWithSecretDto> {
    const client = await this.find(projectId, id);
    const clientSecret = randomSecret();
    await this.clients.update(
      { id, projectId },
      { clientSecretDigest: sha256Hex(clientSecret), secretVersion: client.secretVersion + 1 },
    );
    await this.revokeTokens([client]);
    return { ...(await this.get(projectId, id)), clientSecret };
  }

  /**
   * The client whose id and secret these are, or null. The secret's digest
   * is compared in constant time, and an unknown id costs the same.
   */
  async authenticate(clientId: string, clientSecret: string): Promise<Client | null> {
    const client = await this.clients
      .createQueryBuilder('client')
      .addSelect('client.clientSecretDigest')
      .where('client.clientId = :clientId', { clientId })
      .getOne();
    const matches = digestsEqual(
      client?.clientSecretDigest ?? NO_CLIENT_DIGEST,
      sha256Hex(clientSecret),
    );
    if (!client || !matches) return null;
    // Recorded at most once a minute: authentication, not every read, writes.
    await this.clients.query(
      `UPDATE client SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [client.id],
    );
    return client;
  }

  /** What the authorization page shows and checks about a client, by its public id. */
  async findForAuthorization(clientId: string): Promise<AuthorizingClient | null> {
    const [row]: {
      id: number;
      name: string;
      project_id: number;
      project_name: string;
      redirect_uris: string[];
    }[] = await this.clients.query(
      `SELECT c.id, c.name, c.project_id, p.name AS project_name, c.redirect_uris
           FROM client c JOIN project p ON p.id = c.project_id
          WHERE c.client_id = $1`,
      [clientId],
    );
    return row
      ? {
          id: row.id,
          name: row.name,
          projectId: row.project_id,
          projectName: row.project_name,
          redirectUris: row.redirect_uris,
        }
      : null;
  }

  secretVersionsOf(projectId: number): Promise<ClientSecretVersion[]> {
    return this.clients.find({ where: { projectId }, select: { id: true, secretVersion: true } });
  }

  /** Every token issued with the clients' current secrets stops: their own and their users'. */
  revokeTokens(clients: ClientSecretVersion[]): Promise<void> {
    return this.revocation.retireClientSecrets(clients);
  }

  /** How many users let each client act for them (live authorization code grants). */
  private async grantCounts(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows: { client_id: number; users: number }[] = await this.clients.query(
      `SELECT client_id, count(DISTINCT user_id)::int AS users FROM session
        WHERE client_id = ANY($1::int[]) AND revoked_at IS NULL AND expires_at > now()
        GROUP BY client_id`,
      [ids],
    );
    return new Map(rows.map((row) => [row.client_id, row.users]));
  }

  private async find(projectId: number, id: number): Promise<Client> {
    const client = await this.clients.findOneBy({ id, projectId });
    if (!client) throw new NotFoundError('Client not found');
    return client;
  }
}

function toDto(client: Client, grantCount: number): ClientDto {
  const { id, projectId, name, clientId, redirectUris, lastUsedAt, createdAt, modifiedAt } = client;
  return {
    id,
    projectId,
    name,
    clientId,
    redirectUris,
    lastUsedAt,
    grantCount,
    createdAt,
    modifiedAt,
  };
}
