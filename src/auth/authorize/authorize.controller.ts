import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ClientsService } from '../../clients/clients.service';
import { Public } from '../../common/access';
import { appConfig, AppConfig } from '../../config/configuration';
import { ProjectAccessService } from '../../projects/project-access.service';
import { AuthorizationCodeService } from '../../tokens/authorization-code.service';
import { randomSecret } from '../../tokens/digest';
import { UsersService } from '../../users/users.service';
import { CredentialsService } from '../credentials.service';
import { TokenThrottlerGuard } from '../token-endpoint';
import {
  AuthorizationParameters,
  AuthorizationRequest,
  PageError,
  pickParameters,
  RedirectableError,
  redirectWith,
  validateAuthorizationRequest,
} from './authorization-request';
import { consentPage, errorPage, refusalPage, signInPage } from './authorize-pages';

const SIGNED_IN_COOKIE = 'tessera_signin';
const CSRF_COOKIE = 'tessera_csrf';
const SIGNED_IN_SECONDS = 15 * 60;

type FormBody = Record<string, unknown> | undefined;

/**
 * The authorization endpoint of the authorization code grant (PKCE, S256
 * only): a sign-in page, then a consent page naming the app, the project and
 * the scopes. Plain HTML forms, no JavaScript; every form carries a CSRF token
 * matched against a cookie, and the sign-in lives in a signed HttpOnly cookie.
 */
@ApiTags('oauth')
@Controller('oauth/authorize')
export class AuthorizeController {
  constructor(
    private readonly clients: ClientsService,
    private readonly codes: AuthorizationCodeService,
    private readonly credentials: CredentialsService,
    private readonly projects: ProjectAccessService,
    private readonly users: UsersService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Authorization endpoint (authorization code + PKCE S256): a sign-in and consent page for the user',
  })
  @ApiProduces('text/html')
  @ApiResponse({ status: 200, description: 'The sign-in or consent page' })
  @ApiResponse({ status: 302, description: 'Back to the redirect_uri with code, or with error' })
  @ApiResponse({
    status: 400,
    description: 'Unknown client or unregistered redirect_uri: an error page',
  })
  async show(
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.handle(request, reply, pickParameters(query), undefined);
  }

  @Post()
  @Public()
  @UseGuards(TokenThrottlerGuard)
  @ApiExcludeEndpoint()
  async submit(
    @Body() body: FormBody,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.handle(request, reply, pickParameters(body), body);
  }

  private async handle(
    request: FastifyRequest,
    reply: FastifyReply,
    parameters: AuthorizationParameters,
    form: FormBody,
  ): Promise<void> {
    let authorization: AuthorizationRequest;
    try {
      const client = parameters.client_id
        ? await this.clients.findForAuthorization(parameters.client_id)
        : null;
      authorization = validateAuthorizationRequest(parameters, client);
    } catch (error) {
      if (error instanceof PageError) return this.page(reply, 400, errorPage(error.message));
      if (error instanceof RedirectableError) {
        return this.redirect(reply, parameters.redirect_uri!, {
          error: error.error,
          error_description: error.description,
          state: parameters.state,
        });
      }
      throw error;
    }

    const csrf = this.csrfToken(request, reply);
    let userId = this.signedInUser(request);
    if (form !== undefined) {
      if (!sameToken(form.csrf, request.cookies[CSRF_COOKIE])) {
        return this.page(
          reply,
          400,
          errorPage('This form has expired. Start again from the app.'),
          authorization,
        );
      }
      switch (form.action) {
        case 'signin': {
          const user =
            typeof form.email === 'string' && typeof form.password === 'string'
              ? await this.credentials.verify(form.email, form.password)
              : null;
          if (!user) {
            return this.page(
              reply,
              400,
              signInPage(authorization, csrf, 'Invalid email or password.'),
              authorization,
            );
          }
          userId = user.id;
          this.signIn(reply, user.id);
          break;
        }
        case 'signout':
          void reply.clearCookie(SIGNED_IN_COOKIE, { path: '/oauth' });
          return this.page(reply, 200, signInPage(authorization, csrf), authorization);
        case 'deny':
          return this.redirect(reply, authorization.redirectUri, {
            error: 'access_denied',
            error_description: 'The user denied access',
            state: authorization.state,
          });
        case 'approve':
          if (userId === null) break;
          return this.approve(reply, authorization, userId, csrf);
        default:
          return this.page(reply, 400, errorPage('Unknown action.'), authorization);
      }
    }

    if (userId === null)
      return this.page(reply, 200, signInPage(authorization, csrf), authorization);
    const user = await this.users.findById(userId);
    if (!user?.isActive) {
      void reply.clearCookie(SIGNED_IN_COOKIE, { path: '/oauth' });
      return this.page(reply, 200, signInPage(authorization, csrf), authorization);
    }
    if (!(await this.isMember(userId, authorization.client.projectId))) {
      return this.page(reply, 403, refusalPage(authorization, csrf, user.email), authorization);
    }
    return this.page(reply, 200, consentPage(authorization, csrf, user.email), authorization);
  }

  private async approve(
    reply: FastifyReply,
    authorization: AuthorizationRequest,
    userId: number,
    csrf: string,
  ): Promise<void> {
    if (!(await this.isMember(userId, authorization.client.projectId))) {
      const user = await this.users.findById(userId);
      return this.page(
        reply,
        403,
        refusalPage(authorization, csrf, user?.email ?? ''),
        authorization,
      );
    }
    const code = await this.codes.issue({
      clientId: authorization.client.id,
      userId,
      redirectUri: authorization.redirectUri,
      scope: authorization.scopes.join(' '),
      codeChallenge: authorization.codeChallenge,
    });
    return this.redirect(reply, authorization.redirectUri, { code, state: authorization.state });
  }

  private async isMember(userId: number, projectId: number): Promise<boolean> {
    const standing = await this.projects.standing(userId, projectId);
    return standing.exists && (standing.isOwner || standing.membershipType !== null);
  }

  private redirect(
    reply: FastifyReply,
    redirectUri: string,
    values: Record<string, string | undefined>,
  ): void {
    void reply
      .header('cache-control', 'no-store')
      .redirect(redirectWith(redirectUri, { ...values, iss: this.app.publicUrl }), 302);
  }

  private page(
    reply: FastifyReply,
    status: number,
    html: string,
    authorization?: AuthorizationRequest,
  ): void {
    // The consent form's answer is a redirect to the app: form-action must allow its origin.
    const formTargets = authorization ? ` ${new URL(authorization.redirectUri).origin}` : '';
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${formTargets}; frame-ancestors 'none'; base-uri 'none'`,
      )
      .send(html);
  }

  private cookieOptions(maxAge: number) {
    return {
      path: '/oauth',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.app.publicUrl.startsWith('https:'),
      maxAge,
    };
  }

  private csrfToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[CSRF_COOKIE];
    if (existing && /^[\w-]{43}$/.test(existing)) return existing;
    const token = randomSecret();
    void reply.setCookie(CSRF_COOKIE, token, this.cookieOptions(60 * 60));
    return token;
  }

  private signIn(reply: FastifyReply, userId: number): void {
    const expires = Math.floor(Date.now() / 1000) + SIGNED_IN_SECONDS;
    void reply.setCookie(SIGNED_IN_COOKIE, `${userId}.${expires}`, {
      ...this.cookieOptions(SIGNED_IN_SECONDS),
      signed: true,
    });
  }

  private signedInUser(request: FastifyRequest): number | null {
    const raw = request.cookies[SIGNED_IN_COOKIE];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return null;
    const [userId, expires] = unsigned.value.split('.').map(Number);
    return Number.isInteger(userId) && expires * 1000 > Date.now() ? userId : null;
  }
}

function sameToken(submitted: unknown, cookie: string | undefined): boolean {
  if (typeof submitted !== 'string' || !cookie || submitted.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(cookie));
}
