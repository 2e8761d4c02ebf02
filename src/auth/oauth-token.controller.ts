import type { IncomingHttpHeaders } from 'node:http';
import { Body, Controller, Headers, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  AuthorizationCodeGrantRequestDto,
  ClientCredentialsGrantRequestDto,
  PasswordGrantRequestDto,
  RefreshTokenGrantRequestDto,
} from './dto/token-request.dto';
import { PresentedClientCredentials, presentedClientCredentials } from './client-credentials';
import {
  ClientTokenResponseDto,
  TokenResponseDto,
  V1TokenResponseDto,
} from './dto/token-response.dto';
import { OAuthError } from './oauth-error';
import {
  optionalString,
  requiredParameter,
  TokenEndpoint,
  TokenRequestBody,
} from './token-endpoint';
import { TokenGrantsService } from './token-grants.service';
import { clientAddress } from './brute-force/client-address';

/**
 * The standard token endpoint (RFC 6749 §3.2): one route, switching on
 * `grant_type`. Only real refresh tokens count here; contentjet's
 * access-token-as-refresh-token lives on its own paths.
 */
@ApiTags('auth')
@ApiExtraModels(
  PasswordGrantRequestDto,
  RefreshTokenGrantRequestDto,
  ClientCredentialsGrantRequestDto,
  AuthorizationCodeGrantRequestDto,
  TokenResponseDto,
  ClientTokenResponseDto,
  V1TokenResponseDto,
)
@Controller('oauth')
export class OAuthTokenController {
  constructor(private readonly grants: TokenGrantsService) {}

  @Post('token')
  @TokenEndpoint()
  @ApiOperation({
    summary:
      'OAuth 2.0 token endpoint: password, refresh_token, client_credentials and authorization_code (PKCE) grants',
  })
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PasswordGrantRequestDto) },
        { $ref: getSchemaPath(RefreshTokenGrantRequestDto) },
        { $ref: getSchemaPath(ClientCredentialsGrantRequestDto) },
        { $ref: getSchemaPath(AuthorizationCodeGrantRequestDto) },
      ],
    },
  })
  @ApiOkResponse({
    schema: {
      // Not oneOf: a client's answer (no refresh_token) is also a valid TokenResponseDto.
      anyOf: [
        { $ref: getSchemaPath(TokenResponseDto) },
        { $ref: getSchemaPath(ClientTokenResponseDto) },
        // A client registered with tokenResponse envelope: the /v1 token API's body.
        { $ref: getSchemaPath(V1TokenResponseDto) },
      ],
    },
  })
  async token(
    @Body() body: TokenRequestBody,
    @Req() request: { ip: string; headers: IncomingHttpHeaders },
    @Headers('authorization') authorization?: string,
  ): Promise<TokenResponseDto | ClientTokenResponseDto | V1TokenResponseDto> {
    const client = presentedClientCredentials(body, authorization);
    const grantType = requiredParameter(body, 'grant_type');
    switch (grantType) {
      case 'password':
        await this.refuseApiClient(client);
        return this.grants.password(
          requiredParameter(body, 'username'),
          requiredParameter(body, 'password'),
          clientAddress(request),
          request.headers['user-agent'],
        );
      case 'refresh_token':
        return this.grants.refreshToken(
          requiredParameter(body, 'refresh_token'),
          client,
          optionalString(body, 'scope'),
        );
      case 'authorization_code':
        return this.grants.authorizationCode(
          client,
          requiredParameter(body, 'code'),
          requiredParameter(body, 'redirect_uri'),
          requiredParameter(body, 'code_verifier'),
        );
      case 'client_credentials':
        return this.grants.clientCredentials(client, { scope: optionalString(body, 'scope') });
      default:
        throw new OAuthError(
          'unsupported_grant_type',
          `grant_type "${grantType}" is not supported`,
        );
    }
  }

  /**
   * The password grant belongs to the admin UI, a public client that sends
   * no credentials: an app must never see a user's password.
   */
  private async refuseApiClient(client: PresentedClientCredentials | null): Promise<void> {
    if (!client) return;
    await this.grants.authenticateClient(client);
    throw new OAuthError('unauthorized_client', 'API clients may only use client_credentials');
  }
}
