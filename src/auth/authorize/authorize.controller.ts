import { createHmac, timingSafeEqual } from 'node:crypto';
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
import { appConfig, AppConfig, authConfig, AuthConfig } from '../../config/configuration';
import { ProjectAccessService } from '../../projects/project-access.service';
import { AuthorizationCodeService } from '../../tokens/authorization-code.service';
import { randomSecret } from '../../crypto/digest';
import { BROWSER_SIGN_IN_SECONDS, SessionService } from '../../tokens/session.service';
import { UsersService } from '../../users/users.service';
import { clientAddress } from '../brute-force/client-address';
import { CredentialsService } from '../credentials.service';
import { TokenThrottlerGuard } from '../token-endpoint';
import { ErrorShape } from '../../http/openapi-responses';
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

const CSRF_NONCE_SECONDS = 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type FormBody = Record<string, unknown> | undefined;

/** The browser's sign-in on this page: a server-side session, named by a signed cookie. */
interface BrowserSignIn {
  sessionId: string;
  userId: number;
}

/**
 * The authorization endpoint of the authorization code grant (PKCE, S256
 * only): a sign-in page, then a consent page naming the app, the project and
 * the scopes. Plain HTML forms, no JavaScript. The sign-in is a server-side
 * session (ended by logout, a password change or deactivation) named by a
 * signed HttpOnly cookie; each form's CSRF token is an HMAC of that sign-in
 * (before it, of a random nonce cookie), so it cannot be forged by setting cookies.
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
    private readonly sessions: SessionService,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(authConfig.KEY) auth: AuthConfig,
  ) {
    this.csrfKey = createHmac('sha256', auth.jwtSecret).update('tessera authorize csrf').digest();
    // RFC 6265bis §4.1.3.2: a __Host- cookie is only ever set by this origin, over https, for /.
    const host = this.app.publicUrl.startsWith('https:');
    this.cookies = {
      signIn: host ? '__Host-tessera_signin' : 'tessera_signin',
      nonce: host ? '__Host-tessera_csrf' : 'tessera_csrf',
      path: host ? '/' : '/oauth',
      secure: host,
    };
  }

  private readonly csrfKey: Buffer;
  private readonly cookies: { signIn: string; nonce: string; path: string; secure: boolean };

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Authorization endpoint (authorization code + PKCE S256): a sign-in and consent page for the user',
  })
  @ApiProduces('text/html')
  @ErrorShape('html')
  @ApiResponse({ status: 200, description: 'The sign-in or consent page' })
  @ApiResponse({ status: 302, description: 'Back to the redirect_uri with code, or with error' })
  @ApiResponse({
    status: 400,
    description: 'Unknown client or unregistered redirect_uri: an error page',
  })
  @ApiResponse({
    status: 403,
    description: "The signed-in user is not a member of the app's project: a page saying so",
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

    let signedIn = await this.browserSignIn(request);
    if (form !== undefined) {
      if (!sameToken(form.csrf, this.expectedCsrf(request, signedIn))) {
        return this.page(
          reply,
          400,
          errorPage('This form has expired. Start again from the app.'),
          authorization,
        );
      }
      switch (form.action) {
        case 'signin': {
          const check =
            typeof form.email === 'string' && typeof form.password === 'string'
              ? await this.credentials.verify(form.email, form.password, clientAddress(request))
              : { outcome: 'invalid' as const };
          if (check.outcome !== 'valid') {
            const refused = check.outcome === 'refused';
            if (refused) void reply.header('retry-after', String(check.retryAfterSeconds));
            const error = refused
              ? 'Too many attempts. Try again later.'
              : 'Invalid email or password.';
            return this.page(
              reply,
              refused ? 429 : 400,
              signInPage(authorization, this.csrfToken(request, reply, null), error),
              authorization,
            );
          }
          // Signing in again (perhaps as someone else) ends the sign-in before it.
          if (signedIn) await this.sessions.end(signedIn.sessionId);
          signedIn = await this.signIn(reply, check.user.id);
          break;
        }
        case 'signout':
          if (signedIn) await this.sessions.end(signedIn.sessionId);
          void reply.clearCookie(this.cookies.signIn, this.cookieOptions(0));
          return this.page(
            reply,
            200,
            signInPage(authorization, this.csrfToken(request, reply, null)),
            authorization,
          );
        case 'deny':
          return this.redirect(reply, authorization.redirectUri, {
            error: 'access_denied',
            error_description: 'The user denied access',
            state: authorization.state,
          });
        case 'approve':
          if (signedIn === null) break;
          return this.approve(reply, authorization, signedIn);
        default:
          return this.page(reply, 400, errorPage('Unknown action.'), authorization);
      }
    }

    const csrf = this.csrfToken(request, reply, signedIn);
    if (signedIn === null)
      return this.page(reply, 200, signInPage(authorization, csrf), authorization);
    const user = await this.users.findById(signedIn.userId);
    if (!user) return this.page(reply, 200, signInPage(authorization, csrf), authorization);
    if (!(await this.isMember(user.id, authorization.client.projectId))) {
      return this.page(reply, 403, refusalPage(authorization, csrf, user.email), authorization);
    }
    return this.page(reply, 200, consentPage(authorization, csrf, user.email), authorization);
  }

  private async approve(
    reply: FastifyReply,
    authorization: AuthorizationRequest,
    signedIn: BrowserSignIn,
  ): Promise<void> {
    const { userId } = signedIn;
    if (!(await this.isMember(userId, authorization.client.projectId))) {
      const user = await this.users.findById(userId);
      return this.page(
        reply,
        403,
        refusalPage(authorization, this.csrfFor(signedIn), user?.email ?? ''),
        authorization,
      );
    }
    const code = await this.codes.issue({
      clientId: authorization.client.id,
      userId,
      redirectUri: authorization.redirectUri,
      scope: authorization.scopes.join(' '),
      codeChallenge: authorization.codeChallenge,
      signInId: signedIn.sessionId,
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
      path: this.cookies.path,
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.cookies.secure,
      maxAge,
    };
  }

  /** The CSRF token a form must carry: bound to the sign-in, or before it to the nonce cookie. */
  private expectedCsrf(request: FastifyRequest, signedIn: BrowserSignIn | null): string | null {
    if (signedIn) return this.csrfFor(signedIn);
    const nonce = request.cookies[this.cookies.nonce];
    return nonce && /^[\w-]{43}$/.test(nonce) ? this.hmac(`nonce:${nonce}`) : null;
  }

  /** The token for the next form, setting a nonce cookie first when there is no sign-in yet. */
  private csrfToken(
    request: FastifyRequest,
    reply: FastifyReply,
    signedIn: BrowserSignIn | null,
  ): string {
    const expected = this.expectedCsrf(request, signedIn);
    if (expected) return expected;
    const nonce = randomSecret();
    void reply.setCookie(this.cookies.nonce, nonce, this.cookieOptions(CSRF_NONCE_SECONDS));
    return this.hmac(`nonce:${nonce}`);
  }

  private csrfFor(signedIn: BrowserSignIn): string {
    return this.hmac(`sign-in:${signedIn.sessionId}`);
  }

  private hmac(value: string): string {
    return createHmac('sha256', this.csrfKey).update(value).digest('base64url');
  }

  private async signIn(reply: FastifyReply, userId: number): Promise<BrowserSignIn> {
    const sessionId = await this.sessions.startBrowserSignIn(userId);
    void reply.setCookie(this.cookies.signIn, sessionId, {
      ...this.cookieOptions(BROWSER_SIGN_IN_SECONDS),
      signed: true,
    });
    return { sessionId, userId };
  }

  /** The live sign-in the cookie names, or null: ended, expired, deactivated or forged alike. */
  private async browserSignIn(request: FastifyRequest): Promise<BrowserSignIn | null> {
    const raw = request.cookies[this.cookies.signIn];
    if (!raw) return null;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value || !UUID.test(unsigned.value)) return null;
    const userId = await this.sessions.browserSignInUser(unsigned.value);
    return userId === null ? null : { sessionId: unsigned.value, userId };
  }
}

function sameToken(submitted: unknown, expected: string | null): boolean {
  if (typeof submitted !== 'string' || !expected || submitted.length !== expected.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}
