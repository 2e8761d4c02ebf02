import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, UserOrClientAccess } from '../../common/access';
import { ApiError } from '../../common/api-error';
import { V1LoginRequestDto } from '../dto/token-request.dto';
import { V1TokenResponseDto } from '../dto/token-response.dto';
import { INVALID_CREDENTIALS, OAuthError } from '../oauth-error';
import { TokenEndpoint, TokenRequestBody } from '../token-endpoint';
import { CompatRenewalsService } from './compat-renewals.service';
import { TokenGrantsService } from '../token-grants.service';
import { clientAddress } from '../brute-force/client-address';
import { bearerToken } from '../jwt.strategy';
import type { IncomingHttpHeaders } from 'node:http';

/** The `/v1` token API's dialect (login, renew, logout), for clients written against it. */
@ApiTags('auth (v1 compatibility)')
@Controller('v1')
export class V1Controller {
  constructor(
    private readonly grants: TokenGrantsService,
    private readonly renewals: CompatRenewalsService,
  ) {}

  @Post('login')
  @TokenEndpoint()
  @ApiOperation({ summary: 'Sign in with email and password; returns an access token only' })
  @ApiBody({ type: V1LoginRequestDto })
  @ApiOkResponse({ type: V1TokenResponseDto })
  async login(
    @Body() body: TokenRequestBody,
    @Req() request: { ip: string; headers: IncomingHttpHeaders },
  ): Promise<V1TokenResponseDto> {
    const email = body?.email;
    const password = body?.password;
    const signed =
      typeof email === 'string' && typeof password === 'string'
        ? await this.renewals.passwordWithoutRefreshToken(
            email,
            password,
            clientAddress(request),
            request.headers['user-agent'],
          )
        : null;
    if (!signed) throw new ApiError(HttpStatus.UNAUTHORIZED, INVALID_CREDENTIALS);
    return {
      success: true,
      data: { type: 'token', access_token: signed.accessToken, expires_in: signed.expiresIn },
    };
  }

  @Post('token')
  @TokenEndpoint()
  @ApiOperation({ summary: 'Deny-list the presented bearer token and return a fresh one' })
  @ApiOkResponse({ type: V1TokenResponseDto })
  async token(@Req() request: { headers: IncomingHttpHeaders }): Promise<V1TokenResponseDto> {
    const presented = bearerToken(request);
    if (!presented) throw new ApiError(HttpStatus.UNAUTHORIZED, 'Authentication required');
    const renewed = await this.renewals.renewAccessToken(presented).catch((error: unknown) => {
      // An outage stays a 503; only a refused token is this dialect's 401.
      if (!(error instanceof OAuthError)) throw error;
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'The access token is invalid, expired or revoked',
      );
    });
    return {
      success: true,
      data: {
        type: 'refresh_token',
        access_token: renewed.accessToken,
        token_type: 'Bearer',
        expires_in: renewed.expiresIn,
      },
    };
  }

  @Post('logout')
  @UserOrClientAccess()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Deny-list the presented token (on every instance); a user's session ends with it",
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { success: { type: 'boolean' } } } })
  async logout(@CurrentPrincipal() principal: Principal): Promise<{ success: true }> {
    if (principal.kind === 'client') await this.grants.revokeClientToken(principal);
    else await this.grants.signOut(principal);
    return { success: true };
  }
}
