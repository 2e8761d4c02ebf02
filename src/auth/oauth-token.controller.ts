import { Body, Controller, Headers, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { PasswordGrantRequestDto, RefreshTokenGrantRequestDto } from './dto/token-request.dto';
import { TokenResponseDto } from './dto/token-response.dto';
import { OAuthError } from './oauth-error';
import { requiredParameter, TokenEndpoint, TokenRequestBody } from './token-endpoint';
import { TokenGrantsService } from './token-grants.service';

/**
 * The standard token endpoint (RFC 6749 §3.2): one route, switching on
 * `grant_type`. Only real refresh tokens count here; contentjet's
 * access-token-as-refresh-token lives on its own paths.
 */
@ApiTags('auth')
@ApiExtraModels(PasswordGrantRequestDto, RefreshTokenGrantRequestDto)
@Controller('oauth')
export class OAuthTokenController {
  constructor(private readonly grants: TokenGrantsService) {}

  @Post('token')
  @TokenEndpoint()
  @ApiOperation({ summary: 'OAuth 2.0 token endpoint (password and refresh_token grants)' })
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(PasswordGrantRequestDto) },
        { $ref: getSchemaPath(RefreshTokenGrantRequestDto) },
      ],
    },
  })
  @ApiOkResponse({ type: TokenResponseDto })
  token(
    @Body() body: TokenRequestBody,
    @Headers('authorization') authorization?: string,
  ): Promise<TokenResponseDto> {
    this.refuseClientAuthentication(body, authorization);
    const grantType = requiredParameter(body, 'grant_type');
    switch (grantType) {
      case 'password':
        return this.grants.password(
          requiredParameter(body, 'username'),
          requiredParameter(body, 'password'),
        );
      case 'refresh_token':
        return this.grants.refreshToken(requiredParameter(body, 'refresh_token'));
      default:
        throw new OAuthError(
          'unsupported_grant_type',
          `grant_type "${grantType}" is not supported`,
        );
    }
  }

  /**
   * The admin UI is a public client and sends no credentials. Confidential
   * clients arrive with API clients; until then any client credentials are unknown.
   */
  private refuseClientAuthentication(body: TokenRequestBody, authorization?: string): void {
    const basic = /^basic /i.test(authorization ?? '');
    if (basic || body?.client_secret !== undefined) {
      throw new OAuthError('invalid_client', 'Client authentication failed', {
        basicChallenge: basic,
      });
    }
  }
}
