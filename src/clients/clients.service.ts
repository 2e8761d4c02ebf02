import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '../common/api-error';
import { authConfig, AuthConfig } from '../config/configuration';
import { digestsEqual, randomSecret, sha256Hex } from '../crypto/digest';
import { RevocationService } from '../tokens/revocation.service';
import { Client } from './client.entity';
import {
  AuthorizingClient,
  ClientPolicy,
  ClientSecretVersion,
  ClientsRepository,
} from './clients.repository';
import { ClientDto, ClientWithSecretDto, SaveClientDto } from './dto/client.dto';

export type { AuthorizingClient, ClientPolicy, ClientSecretVersion } from './clients.repository';

/** Compared against when a client id is unknown, so both cases take the same time. */
const NO_CLIENT_DIGEST = sha256Hex('tessera-no-such-client');

/** What every client token may do, granted whatever else is asked. */
export const READ_SCOPE = 'read';
/** Drafts and scheduled entries too. */
export const PREVIEW_SCOPE = 'preview';
/** How long an `envelope` client's tokens live unless it says: the `/v1` token API's 15 minutes. */
export const ENVELOPE_TOKEN_LIFETIME = 900;

/**
 * API clients. Every method names the project from the route as well as the
 * client: a client of another project is simply not found.
 */
@Injectable()
export class ClientsService {
  constructor(
    private readonly clients: ClientsRepository,
    private readonly revocation: RevocationService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  list(projectId: number): Promise<ClientDto[]> {
    return this.clients.list(projectId);
  }

  async get(projectId: number, id: number): Promise<ClientDto> {
    return found(await this.clients.find(projectId, id));
  }

  async create(projectId: number, input: SaveClientDto): Promise<ClientWithSecretDto> {
    const policy = await this.policyOf(projectId, input);
    const clientSecret = randomSecret();
    const client = await this.clients.insert({
      projectId,
      name: input.name.trim(),
      clientId: randomBytes(16).toString('hex'),
      clientSecretDigest: sha256Hex(clientSecret),
      redirectUris: input.redirectUris ?? [],
      ...policy,
    });
    return { ...client, clientSecret };
  }

  /**
   * A change that takes anything away — a scope, an entry type, time before
   * expiry — also ends every token issued so far, as those carry what they
   * were granted; a change that only adds leaves them be.
   */
  async update(projectId: number, id: number, input: SaveClientDto): Promise<ClientDto> {
    const policy = await this.policyOf(projectId, input);
    const { client, replaced } = found(
      await this.clients.update(projectId, id, {
        name: input.name.trim(),
        // Null, as absent, keeps the stored URIs.
        redirectUris: input.redirectUris ?? undefined,
        ...policy,
      }),
    );
    if (replaced) await this.revokeTokens([replaced]);
    return client;
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

  /**
   * A new secret, shown once. Without grace the old secret and every token
   * issued with it stop at once; with `graceSeconds` the old secret keeps
   * authenticating until then and its tokens live to their own expiry.
   */
  async rotateSecret(
    projectId: number,
    id: number,
    graceSeconds = 0,
  ): Promise<ClientWithSecretDto> {
    const clientSecret = randomSecret();
    const { client, replaced } = found(
      await this.clients.replaceSecret(projectId, id, sha256Hex(clientSecret), graceSeconds),
    );
    if (replaced) await this.revokeTokens([replaced]);
    return { ...client, clientSecret };
  }

  /**
   * The client whose id and secret these are, or null: the current secret,
   * or the previous one while a rotation's grace lasts; never once the
   * client has expired. Digests are compared in constant time, and an
   * unknown id costs the same.
   */
  async authenticate(clientId: string, clientSecret: string): Promise<Client | null> {
    const client = await this.clients.findWithDigest(clientId);
    const presented = sha256Hex(clientSecret);
    const current = digestsEqual(client?.clientSecretDigest ?? NO_CLIENT_DIGEST, presented);
    const previous = digestsEqual(client?.previousSecretDigest ?? NO_CLIENT_DIGEST, presented);
    if (!client || !(current || previous) || hasExpired(client)) return null;
    await this.clients.recordUse(client.id);
    return client;
  }

  /** The client with this public id (no secret checked): how its errors are to be written. */
  async tokenResponseOf(clientId: string): Promise<Client['tokenResponse'] | undefined> {
    return (await this.clients.findWithDigest(clientId))?.tokenResponse;
  }

  /** Seconds a token issued now to this client lives: its lifetime, never past its expiry. */
  tokenLifetimeOf(client: Pick<Client, 'tokenLifetime' | 'tokenResponse' | 'expiresAt'>): number {
    const lifetime =
      client.tokenLifetime ??
      (client.tokenResponse === 'envelope'
        ? Math.min(ENVELOPE_TOKEN_LIFETIME, this.config.clientTokenExpiry)
        : this.config.clientTokenExpiry);
    if (!client.expiresAt) return lifetime;
    const left = Math.floor((client.expiresAt.getTime() - Date.now()) / 1000);
    return Math.max(1, Math.min(lifetime, left));
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

  /** The input's policy, checked: 400s name the field (and the entry type ids that are not the project's). */
  private async policyOf(projectId: number, input: SaveClientDto): Promise<ClientPolicy> {
    const errors: Record<string, string[]> = {};
    const entryTypeIds = input.entryTypeIds ?? null;
    if (entryTypeIds && entryTypeIds.length > 0) {
      const known = new Set(await this.clients.entryTypeIdsOf(projectId, entryTypeIds));
      const unknown = entryTypeIds.filter((typeId) => !known.has(typeId));
      if (unknown.length > 0) {
        errors.entryTypeIds = unknown.map(
          (typeId) => `${typeId} is not an entry type of this project`,
        );
      }
    }
    const expiresAt = input.expiresAt ?? null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) {
      errors.expiresAt = ['expiresAt must be in the future'];
    }
    const tokenLifetime = input.tokenLifetime ?? null;
    if (tokenLifetime !== null && tokenLifetime > this.config.clientTokenExpiry) {
      errors.tokenLifetime = [
        `tokenLifetime must be at most ${this.config.clientTokenExpiry} (CLIENT_TOKEN_EXPIRY)`,
      ];
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const scopes = input.scopes ?? [READ_SCOPE];
    return {
      // Every token reads: `read` is always among the scopes.
      scopes: scopes.includes(READ_SCOPE) ? scopes : [READ_SCOPE, ...scopes],
      entryTypeIds: entryTypeIds && [...entryTypeIds].sort((a, b) => a - b),
      expiresAt,
      tokenLifetime,
      tokenResponse: input.tokenResponse ?? 'oauth2',
    };
  }
}

function hasExpired(client: Pick<Client, 'expiresAt'>): boolean {
  return client.expiresAt !== null && client.expiresAt.getTime() <= Date.now();
}

function found<T>(client: T | undefined): T {
  if (!client) throw new NotFoundError('Client not found');
  return client;
}
