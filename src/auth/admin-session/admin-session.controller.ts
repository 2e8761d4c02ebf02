import {
  Body,
  Controller,
  Delete,
  Header,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, UserAccess, UserPrincipal } from '../../common/access';
import { ApiError, NotFoundError, ValidationError } from '../../common/api-error';
import { appConfig, AppConfig } from '../../config/configuration';
import { SessionService } from '../../tokens/session.service';
import { clientAddress } from '../brute-force/client-address';
import { signedInUser, CredentialsService } from '../credentials.service';
import { ClientTokenResponseDto } from '../dto/token-response.dto';
import { TokenThrottlerGuard } from '../token-endpoint';
import { TokenGrantsService } from '../token-grants.service';
import { ChangePasswordDto } from '../../users/dto/change-password.dto';
import { AdminSignInDto } from './admin-sign-in.dto';

/** The header a same-origin script sends and a cross-site form or image cannot. */
export const ADMIN_HEADER = 'x-tessera-admin';
/** The only path the refresh cookie is sent to. */
export const ADMIN_SESSION_PATH = '/admin/session';

const adminHeader = () =>
  ApiHeader({
    name: ADMIN_HEADER,
    required: true,
    description: '`1`. A cross-site form cannot send it, so it cannot use the cookie.',
    schema: { type: 'string', enum: ['1'] },
  });

const missingHeader = () =>
  ApiBadRequestResponse({
    description: 'Without `X-Tessera-Admin: 1`, or a body that breaks the rules',
  });

/**
 * The admin UI's session, token-mediated (OAuth 2.0 for Browser-Based Apps,
 * "token-mediating backend"): the page holds only the short-lived access
 * token, in memory; the refresh token stays in an HttpOnly, SameSite=Strict
 * cookie sent to these routes alone, so a script on the page can never read
 * it. The rotation and reuse detection are the refresh grant's own.
 */
@ApiTags('auth')
@Controller('admin/session')
export class AdminSessionController {
  private readonly cookie: { name: string; secure: boolean };

  constructor(
    private readonly grants: TokenGrantsService,
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {
    // __Secure- cookies are refused over plain http, where browsers would drop Secure anyway.
    const secure = app.publicUrl.startsWith('https:');
    this.cookie = {
      name: secure ? '__Secure-tessera_admin_session' : 'tessera_admin_session',
      secure,
    };
  }

  @Post()
  @Public()
  // The one per-address budget of every endpoint that checks a password.
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @adminHeader()
  @missingHeader()
  @ApiOperation({
    summary:
      'Admin UI sign-in with email and password: the access token in the body, the refresh token in an HttpOnly cookie',
  })
  @ApiOkResponse({ type: ClientTokenResponseDto })
  @ApiUnauthorizedResponse({ description: 'The email or password is incorrect' })
  @ApiNotFoundResponse({ description: 'ADMIN_UI=off' })
  async signIn(
    @Body() body: AdminSignInDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientTokenResponseDto> {
    this.admit(request);
    const check = await this.credentials.verify(body.email, body.password, clientAddress(request));
    if (check.outcome === 'invalid') {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'The email or password is incorrect');
    }
    const user = signedInUser(check);
    const { session, refreshToken } = await this.sessions.start(user.id, {
      userAgent: request.headers['user-agent'],
    });
    return this.answer(reply, this.grants.respond(session, refreshToken), session.expiresAt);
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @adminHeader()
  @missingHeader()
  @ApiOperation({
    summary:
      'Admin UI renewal: trades the refresh cookie for a new access token and a new cookie (a cookie used twice ends the session)',
  })
  @ApiOkResponse({ type: ClientTokenResponseDto })
  @ApiUnauthorizedResponse({
    description: 'No session: no cookie, or it expired, ended or was used before',
  })
  @ApiNotFoundResponse({ description: 'ADMIN_UI=off' })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientTokenResponseDto> {
    this.admit(request);
    const presented = await this.ownSessionToken(request);
    if (presented === undefined && !request.cookies[this.cookie.name]) {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'Not signed in');
    }
    const result = presented === undefined ? null : await this.sessions.rotate(presented);
    if (result?.outcome !== 'rotated') {
      this.clearCookie(reply);
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        result?.outcome === 'reused'
          ? 'This session was renewed twice with the same cookie, so it was ended: sign in again'
          : 'The session has ended: sign in again',
      );
    }
    const { session, refreshToken } = result;
    return this.answer(reply, this.grants.respond(session, refreshToken), session.expiresAt);
  }

  @Post('password')
  @UserAccess()
  // The current password is checked against the same per-address budget as a sign-in.
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.NO_CONTENT)
  @Header('Cache-Control', 'no-store')
  @adminHeader()
  @missingHeader()
  @ApiOperation({
    summary:
      'Admin UI password change: every session of the user ends (apps they allowed too); a new one begins in the cookie — renew to get its access token',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'ADMIN_UI=off' })
  async changePassword(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: ChangePasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    this.admit(request);
    const { session, refreshToken } = await this.grants.changePassword(
      principal,
      body,
      clientAddress(request),
      request.headers['user-agent'],
    );
    this.setCookie(reply, refreshToken, session.expiresAt);
  }

  @Delete()
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @adminHeader()
  @missingHeader()
  @ApiOperation({
    summary:
      'Admin UI sign-out: ends the session the cookie names (its access tokens stop at once) and clears the cookie',
  })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'ADMIN_UI=off' })
  async signOut(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    this.admit(request);
    const presented = await this.ownSessionToken(request);
    if (presented !== undefined) await this.sessions.endByRefreshToken(presented);
    this.clearCookie(reply);
  }

  /**
   * The refresh token in the cookie, when it belongs to one of the admin
   * UI's own sessions: an app's refresh token (a delegation) never rides in
   * this cookie, whatever a script wrote there.
   */
  private async ownSessionToken(request: FastifyRequest): Promise<string | undefined> {
    const presented = request.cookies[this.cookie.name];
    if (!presented) return undefined;
    return (await this.sessions.delegationOf(presented)) === null ? presented : undefined;
  }

  /** 404 when the admin UI is off; 400 without the header that proves a same-origin script. */
  private admit(request: FastifyRequest): void {
    const header = request.headers[ADMIN_HEADER];
    if (!this.app.adminUi) throw new NotFoundError('The admin UI is turned off (ADMIN_UI=off)');
    if (header !== '1') {
      throw new ValidationError(
        { 'x-tessera-admin': ['the X-Tessera-Admin header must be 1'] },
        'The X-Tessera-Admin: 1 header is required',
      );
    }
  }

  private answer(
    reply: FastifyReply,
    tokens: ClientTokenResponseDto & { refresh_token?: string },
    expiresAt: Date,
  ): ClientTokenResponseDto {
    const { refresh_token: refreshToken, ...access } = tokens;
    this.setCookie(reply, refreshToken ?? '', expiresAt);
    return {
      access_token: access.access_token,
      token_type: access.token_type,
      expires_in: access.expires_in,
    };
  }

  /** The session's refresh token, for as long as the session may live. */
  private setCookie(reply: FastifyReply, refreshToken: string, expiresAt: Date): void {
    void reply.setCookie(this.cookie.name, refreshToken, {
      ...this.cookieAttributes(),
      maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
    });
  }

  private clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(this.cookie.name, this.cookieAttributes());
  }

  /** Sent only to the session routes, never readable by a script, never cross-site. */
  private cookieAttributes() {
    return {
      path: ADMIN_SESSION_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.cookie.secure,
    } as const;
  }
}
