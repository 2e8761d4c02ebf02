import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** What a client's tokens may be granted: Tessera reads `read` and `preview`; other names are labels. */
export const SCOPE_PATTERN = /^[a-z0-9:._-]{1,64}$/;
export const MAX_SCOPES = 20;
/** The shortest token lifetime a client may ask for, in seconds. */
export const MIN_TOKEN_LIFETIME = 60;
export const TOKEN_RESPONSES = ['oauth2', 'envelope'] as const;
export type TokenResponseFormat = (typeof TOKEN_RESPONSES)[number];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * RFC 9700: redirect URIs are https, except loopback for native apps and
 * development; no fragments.
 */
@ValidatorConstraint({ name: 'redirectUri' })
export class RedirectUriConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (!Array.isArray(value)) return false;
    return value.every((uri) => {
      if (typeof uri !== 'string' || uri.length > 2000) return false;
      try {
        const url = new URL(uri);
        if (url.hash || url.username || url.password) return false;
        return (
          url.protocol === 'https:' ||
          (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
        );
      } catch {
        return false;
      }
    });
  }

  defaultMessage(): string {
    return 'redirectUris must be absolute https URLs without a fragment (http only for 127.0.0.1, [::1] or localhost)';
  }
}

export class SaveClientDto {
  @IsString()
  @Length(1, 64, { message: 'name must be between 1 and 64 characters' })
  name: string;

  /** Where the authorization code grant may send users back to. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Validate(RedirectUriConstraint)
  @ApiProperty({ type: [String], required: false })
  redirectUris?: string[];

  /**
   * The scopes its tokens may be granted. Every token reads published
   * content (`read`); `preview` adds drafts and scheduled entries; any other
   * name is a label carried in the token's `scope` claim. Default `["read"]`.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPES, { message: `scopes may hold at most ${MAX_SCOPES} names` })
  @ArrayUnique({ message: 'scopes must not repeat a name' })
  @Matches(SCOPE_PATTERN, {
    each: true,
    message: 'each of scopes must be 1 to 64 of a-z, 0-9 and : . _ -',
  })
  @ApiPropertyOptional({ type: [String], example: ['read', 'preview'] })
  scopes?: string[];

  /** The entry types its tokens may read (of this project); null or absent for all. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ArrayUnique({ message: 'entryTypeIds must not repeat an id' })
  @IsInt({ each: true, message: 'each of entryTypeIds must be an entry type id' })
  @Min(1, { each: true, message: 'each of entryTypeIds must be an entry type id' })
  @Max(2_147_483_647, { each: true, message: 'each of entryTypeIds must be an entry type id' })
  @ApiPropertyOptional({ type: [Number], nullable: true })
  entryTypeIds?: number[] | null;

  /** After this instant it no longer authenticates and its tokens stop; null for never. */
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'expiresAt must be an ISO 8601 instant' })
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  expiresAt?: Date | null;

  /** Seconds its tokens live: 60 up to CLIENT_TOKEN_EXPIRY (the default). */
  @IsOptional()
  @IsInt({ message: 'tokenLifetime must be a whole number of seconds' })
  @Min(MIN_TOKEN_LIFETIME, { message: `tokenLifetime must be at least ${MIN_TOKEN_LIFETIME}` })
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: MIN_TOKEN_LIFETIME })
  tokenLifetime?: number | null;

  /**
   * `oauth2`: the token endpoint answers with RFC 6749's body (default).
   * `envelope`: with the `/v1` token API's `{success, data}` (tokens live 900 s by default).
   */
  @IsOptional()
  @IsIn(TOKEN_RESPONSES, { message: 'tokenResponse must be oauth2 or envelope' })
  @ApiPropertyOptional({ enum: TOKEN_RESPONSES })
  tokenResponse?: TokenResponseFormat;
}

/**
 * `POST` and `PUT`: the read-only fields of a client's own response are
 * accepted and ignored, so a client read can be sent back (or copied).
 */
export class UpdateClientDto extends SaveClientDto {
  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() projectId?: unknown;
  /** Read-only; ignored. */
  @Allow() clientId?: unknown;
  /** Read-only; ignored. */
  @Allow() lastUsedAt?: unknown;
  /** Read-only; ignored. */
  @Allow() grantCount?: unknown;
  /** Read-only; ignored. */
  @Allow() previousSecretExpiresAt?: unknown;
  /** Read-only; ignored. */
  @Allow() clientSecret?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
}

export class ClientDto {
  id: number;
  projectId: number;
  name: string;
  /** Public identifier: send it with the secret to authenticate. */
  clientId: string;
  redirectUris: string[];
  @ApiProperty({ type: [String] })
  scopes: string[];
  @ApiProperty({ type: [Number], nullable: true })
  entryTypeIds: number[] | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: Date | null;
  /** Seconds its tokens live; null for the default (CLIENT_TOKEN_EXPIRY, or 900 s with `envelope`). */
  @ApiProperty({ type: Number, nullable: true })
  tokenLifetime: number | null;
  @ApiProperty({ enum: TOKEN_RESPONSES })
  tokenResponse: TokenResponseFormat;
  /** Until when the secret replaced by the last rotation still authenticates; null when it no longer does. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSecretExpiresAt: Date | null;
  /** Last time the client authenticated (updated at most once a minute). */
  lastUsedAt: Date | null;
  /** How many users currently let this client act for them (authorization code grant). */
  grantCount: number;
  createdAt: Date;
  modifiedAt: Date;
}

/** Only in the answer to create and rotate-secret: the secret is never shown again. */
export class ClientWithSecretDto extends ClientDto {
  /** 256 bits, base64url. Store it now: Tessera keeps only its digest. */
  clientSecret: string;
}

export class RotateSecretDto {
  /**
   * Seconds the previous secret keeps authenticating (0 to 604800, default
   * 0). With 0 the previous secret and every token issued with it stop at
   * once; with a grace, its tokens live to their own expiry.
   */
  @IsOptional()
  @IsInt({ message: 'graceSeconds must be a whole number of seconds' })
  @Min(0, { message: 'graceSeconds must be between 0 and 604800' })
  @Max(604_800, { message: 'graceSeconds must be between 0 and 604800' })
  @ApiPropertyOptional({ minimum: 0, maximum: 604_800, default: 0 })
  graceSeconds?: number;
}
