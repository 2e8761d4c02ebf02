import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingHttpHeaders } from 'node:http';
import { CurrentPrincipal, Public, UserAccess, UserPrincipal } from '../common/access';
import { appConfig, AppConfig } from '../config/configuration';
import { User } from '../users/user.entity';
import { PasswordGrantRequestDto, RevokeRequestDto } from './dto/token-request.dto';
import {
  AuthorizationServerMetadataDto,
  JwkSetDto,
  TokenResponseDto,
} from './dto/token-response.dto';
import { SigningKeyService } from '../tokens/signing-key.service';
import { presentedClientCredentials } from './client-credentials';
import {
  requiredParameter,
  TokenEndpoint,
  TokenRequestBody,
  TokenThrottlerGuard,
} from './token-endpoint';
import { ChangePasswordDto, ContentjetChangePasswordDto } from '../users/dto/change-password.dto';
import { ValidationError } from '../common/api-error';
import { clientAddress } from './brute-force/client-address';
import { TokenGrantsService } from './token-grants.service';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly grants: TokenGrantsService,
    private readonly signingKeys: SigningKeyService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Post(['authenticate', 'user/authenticate'])
  // Above @TokenEndpoint so it runs after the throttler: decorators apply bottom-up.
  @UseGuards(LocalAuthGuard)
  @TokenEndpoint()
  @ApiOperation({ summary: 'Sign in with email and password (contentjet password grant)' })
  @ApiBody({ type: PasswordGrantRequestDto })
  @ApiOkResponse({ type: TokenResponseDto })
  authenticate(
    @Req() request: { user: User; headers: IncomingHttpHeaders },
  ): Promise<TokenResponseDto> {
    return this.grants.signIn(request.user.id, request.headers['user-agent']);
  }

  @Post('user/me/change-password')
  @UserAccess()
  // The current password is checked against the same per-address budget as a sign-in.
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiTags('user')
  @ApiOperation({
    summary:
      'Change your password: every session of yours ends (this one too, and apps you allowed); the answer is a new token pair',
  })
  @ApiOkResponse({ type: TokenResponseDto })
  async changePassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: ChangePasswordDto,
    @Req() request: { ip: string; headers: IncomingHttpHeaders },
  ): Promise<TokenResponseDto> {
    const { session, refreshToken } = await this.grants.changePassword(
      principal,
      body,
      clientAddress(request),
      request.headers['user-agent'],
    );
    return this.grants.respond(session, refreshToken);
  }

  @Post('user/change-password')
  @UserAccess()
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiTags('user')
  @ApiOperation({
    summary:
      "contentjet's path and body for changing your password (`{password, newPassword}`, `password` being the current one); otherwise as `POST /user/me/change-password`",
  })
  @ApiOkResponse({ type: TokenResponseDto })
  async contentjetChangePassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: ContentjetChangePasswordDto,
    @Req() request: { ip: string; headers: IncomingHttpHeaders },
  ): Promise<TokenResponseDto> {
    const change = { currentPassword: body.password, newPassword: body.newPassword };
    const { session, refreshToken } = await this.grants
      .changePassword(principal, change, clientAddress(request), request.headers['user-agent'])
      .catch((error: unknown) => {
        // The wrong current password, named as this body names it.
        if (error instanceof ValidationError && error.details.errors?.currentPassword) {
          throw new ValidationError({ password: ['password is incorrect'] });
        }
        throw error;
      });
    return this.grants.respond(session, refreshToken);
  }

  @Post('logout')
  @UserAccess()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'End the session: this access token and its refresh tokens stop working, and so do your sign-ins on the authorization page',
  })
  @ApiNoContentResponse()
  async logout(@CurrentPrincipal() principal: UserPrincipal): Promise<void> {
    await this.grants.signOut(principal);
  }

  @Post('oauth/revoke')
  @TokenEndpoint()
  @ApiOperation({ summary: 'Revoke an access or refresh token (RFC 7009)' })
  @ApiBody({ type: RevokeRequestDto })
  @ApiOkResponse({ schema: { type: 'object' } })
  async revoke(
    @Body() body: TokenRequestBody,
    @Headers('authorization') authorization?: string,
  ): Promise<Record<string, never>> {
    await this.grants.revoke(
      requiredParameter(body, 'token'),
      presentedClientCredentials(body, authorization),
    );
    return {};
  }

  @Get('.well-known/oauth-authorization-server')
  @Public()
  @ApiOperation({ summary: 'Authorization server metadata (RFC 8414)' })
  @ApiOkResponse({ type: AuthorizationServerMetadataDto })
  metadata(): AuthorizationServerMetadataDto {
    const base = this.app.publicUrl;
    return {
      issuer: base,
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      revocation_endpoint: `${base}/oauth/revoke`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'password',
      ],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      revocation_endpoint_auth_methods_supported: [
        'none',
        'client_secret_basic',
        'client_secret_post',
      ],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['read', 'write'],
      authorization_response_iss_parameter_supported: true,
    };
  }

  @Get('.well-known/jwks.json')
  @Public()
  // Short: a rotation's new key must reach consumers behind caches soon.
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({
    summary:
      'The public keys access tokens are signed with (JWK Set, RFC 7517), to verify them offline',
  })
  @ApiOkResponse({ type: JwkSetDto })
  jwks(): JwkSetDto {
    return { keys: this.signingKeys.publishedKeys() };
  }
}
