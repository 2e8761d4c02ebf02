import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An access token alone: what an API client gets (client credentials); no refresh token. */
export class ClientTokenResponseDto {
  /** A JWT (`typ: at+jwt`); send it as `Authorization: Bearer …`. */
  @ApiProperty()
  access_token: string;

  @ApiProperty({ enum: ['bearer'] })
  token_type: 'bearer';

  /** Seconds until the access token expires. */
  @ApiProperty()
  expires_in: number;

  /** The scopes granted, space-separated: an API client's (`read`, `preview`, labels), or a third-party app's (`read`, `write`). */
  @ApiPropertyOptional({ example: 'read' })
  scope?: string;
}

/** A user's tokens: the access token and the refresh token that renews it. */
export class TokenResponseDto extends ClientTokenResponseDto {
  /** Single use: each refresh returns the next one. */
  @ApiPropertyOptional()
  refresh_token?: string;
}

export class V1TokenDataDto {
  @ApiProperty({ enum: ['token', 'refresh_token'] })
  type: 'token' | 'refresh_token';

  @ApiProperty()
  access_token: string;

  @ApiPropertyOptional({ enum: ['Bearer'] })
  token_type?: 'Bearer';

  @ApiProperty()
  expires_in: number;
}

export class V1TokenResponseDto {
  @ApiProperty({ enum: [true] })
  success: true;

  @ApiProperty({ type: V1TokenDataDto })
  data: V1TokenDataDto;
}

export class AuthorizationServerMetadataDto {
  @ApiProperty()
  issuer: string;

  @ApiProperty()
  authorization_endpoint: string;

  @ApiProperty()
  token_endpoint: string;

  @ApiProperty()
  revocation_endpoint: string;

  /** The public keys access tokens are signed with, for verifying them offline. */
  @ApiProperty()
  jwks_uri: string;

  @ApiProperty({ type: [String] })
  grant_types_supported: string[];

  @ApiProperty({ type: [String] })
  token_endpoint_auth_methods_supported: string[];

  @ApiProperty({ type: [String] })
  revocation_endpoint_auth_methods_supported: string[];

  @ApiProperty({ type: [String] })
  response_types_supported: string[];

  @ApiProperty({ type: [String] })
  scopes_supported: string[];

  @ApiProperty({ type: [String] })
  code_challenge_methods_supported: string[];

  @ApiProperty()
  authorization_response_iss_parameter_supported: boolean;
}

/** A public key that signs access tokens (RFC 7517, RFC 7518 §6.2): ECDSA P-256 only. */
export class JwkDto {
  @ApiProperty({ enum: ['EC'] })
  kty: 'EC';

  @ApiProperty({ enum: ['P-256'] })
  crv: 'P-256';

  /** The point's coordinates, base64url. */
  @ApiProperty()
  x: string;

  @ApiProperty()
  y: string;

  /** The `kid` in the header of the tokens this key signs (its RFC 7638 thumbprint). */
  @ApiProperty()
  kid: string;

  @ApiProperty({ enum: ['ES256'] })
  alg: 'ES256';

  @ApiProperty({ enum: ['sig'] })
  use: 'sig';
}

/** The keys that verify live access tokens: the current one first, then retired ones whose tokens may not have expired. */
export class JwkSetDto {
  @ApiProperty({ type: [JwkDto] })
  keys: JwkDto[];
}
