import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documentation only: token endpoints parse their bodies themselves to answer in RFC 6749 terms. */
export class PasswordGrantRequestDto {
  @ApiProperty({ enum: ['password'] })
  grant_type: 'password';

  /** The user's email address. */
  @ApiProperty({ example: 'ada@example.com' })
  username: string;

  @ApiProperty({ format: 'password' })
  password: string;
}

export class RefreshTokenGrantRequestDto {
  @ApiProperty({ enum: ['refresh_token'] })
  grant_type: 'refresh_token';

  /** A refresh token. On the contentjet paths, a still-valid access token also works. */
  @ApiProperty()
  refresh_token: string;

  /** Third-party apps: a subset of the granted scope. */
  @ApiPropertyOptional()
  scope?: string;
}

export class AuthorizationCodeGrantRequestDto {
  @ApiProperty({ enum: ['authorization_code'] })
  grant_type: 'authorization_code';

  /** The code from the redirect. */
  @ApiProperty()
  code: string;

  /** Exactly the redirect_uri of the authorization request. */
  @ApiProperty()
  redirect_uri: string;

  /** The PKCE verifier whose S256 hash was the code_challenge. */
  @ApiProperty()
  code_verifier: string;

  /** Or send client_id:client_secret as HTTP Basic instead. */
  @ApiPropertyOptional()
  client_id?: string;

  @ApiPropertyOptional({ format: 'password' })
  client_secret?: string;
}

export class RevokeRequestDto {
  /** An access token or a refresh token. */
  @ApiProperty()
  token: string;

  @ApiPropertyOptional({ enum: ['access_token', 'refresh_token'] })
  token_type_hint?: 'access_token' | 'refresh_token';
}

export class V1LoginRequestDto {
  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ format: 'password' })
  password: string;
}

export class ClientCredentialsGrantRequestDto {
  @ApiProperty({ enum: ['client_credentials'] })
  grant_type: 'client_credentials';

  /** Or send client_id:client_secret as HTTP Basic instead. */
  @ApiPropertyOptional()
  client_id?: string;

  @ApiPropertyOptional({ format: 'password' })
  client_secret?: string;

  @ApiPropertyOptional({ enum: ['read'] })
  scope?: string;
}
