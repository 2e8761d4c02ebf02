import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/api-error';
import { digestsEqual, randomSecret, sha256Hex } from '../crypto/digest';
import { RevocationService } from '../tokens/revocation.service';
import { Client } from './client.entity';
import { AuthorizingClient, ClientSecretVersion, ClientsRepository } from './clients.repository';
import { ClientDto, ClientWithSecretDto, SaveClientDto } from './dto/client.dto';

export type { AuthorizingClient, ClientSecretVersion } from './clients.repository';

/** Compared against when a client id is unknown, so both cases take the same time. */
const NO_CLIENT_DIGEST = sha256Hex('tessera-no-such-client');

/**
 * API clients. Every method names the project from the route as well as the
 * client: a client of another project is simply not found.
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly revocation: RevocationService,
  ) {}

  list(projectId: number): Promise<ClientDto[]> {
    return this.clients.list(projectId);
  }

  async get(projectId: number, id: number): Promise<ClientDto> {
    return found(await this.clients.find(projectId, id));
  }

  async create(projectId: number, input: SaveClientDto): Promise<ClientWithSecretDto> {
    const clientSecret = randomSecret();
    const client = await this.clients.insert({
      projectId,
      name: input.name.trim(),
      clientId: randomBytes(16).toString('hex'),
      clientSecretDigest: sha256Hex(clientSecret),
      redirectUris: input.redirectUris ?? [],
    });
    return { ...client, clientSecret };
  }

  async update(projectId: number, id: number, input: SaveClientDto): Promise<ClientDto> {
    return found(
      await this.clients.update(projectId, id, {
        name: input.name.trim(),
        // Null, as absent, keeps the stored URIs.
        redirectUris: input.redirectUris ?? undefined,
      }),
    );
  }

  /**
   * Deletes the client; its live tokens, and those it holds for users, stop
   * working at once (its sessions go with it by cascade). Retired after the
   * delete: a token minted in between carries the same secret version.
   */
  async remove(projectId: number, id: number): Promise<void> {
    const deleted = found(await this.clients.delete(projectId, id));
    await this.revokeTokens([deleted]);
  }

  /** A new secret, shown once; the old secret and every token issued with it stop working. */
  async rotateSecret(projectId: number, id: number): Promise<ClientWithSecretDto> {
    const clientSecret = randomSecret();
    const { client, replaced } = found(
      await this.clients.replaceSecret(projectId, id, sha256Hex(clientSecret)),
    );
    await this.revokeTokens([replaced]);
    return { ...client, clientSecret };
  }

  /**
   * The client whose id and secret these are, or null. The secret's digest
   * is compared in constant time, and an unknown id costs the same.
   */
  async authenticate(clientId: string, clientSecret: string): Promise<Client | null> {
    const client = await this.clients.findWithDigest(clientId);
    const matches = digestsEqual(
      client?.clientSecretDigest ?? NO_CLIENT_DIGEST,
      sha256Hex(clientSecret),
    );
    if (!client || !matches) return null;
    await this.clients.recordUse(client.id);
    return client;
  }

  /** What the authorization page shows and checks about a client, by its public id. */
  async findForAuthorization(clientId: string): Promise<AuthorizingClient | null> {
    return (await this.clients.findForAuthorization(clientId)) ?? null;
  }

  secretVersionsOf(projectId: number): Promise<ClientSecretVersion[]> {
    return this.clients.secretVersionsOf(projectId);
  }

  /** Every token issued with the clients' current secrets stops: their own and their users'. */
  revokeTokens(clients: ClientSecretVersion[]): Promise<void> {
    return this.revocation.retireClientSecrets(clients);
  }
}

function found<T>(client: T | undefined): T {
  if (!client) throw new NotFoundError('Client not found');
  return client;
}
