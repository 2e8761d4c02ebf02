import { ApiProperty } from '@nestjs/swagger';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

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
}

/** `PUT`: the read-only fields of a client's own response are accepted and ignored. */
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
