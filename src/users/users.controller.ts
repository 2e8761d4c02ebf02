import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, UserAccess, UserPrincipal } from '../common/access';
import { NotFoundError } from '../common/api-error';
import { pathUuid } from '../common/ids';
import { offsetOf, Page, PageOf, PageQueryDto, toPage } from '../common/pagination';
import { SessionService } from '../tokens/session.service';
import { GrantDto } from './dto/grant.dto';
import { EndedSessionsDto, EndSessionsQueryDto, SessionDto } from './dto/session.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const SessionPage = PageOf(SessionDto);

@ApiTags('user')
@UserAccess()
@Controller('user/me')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserDto })
  async me(@CurrentPrincipal() principal: UserPrincipal): Promise<UserDto> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw new NotFoundError('User not found');
    return UserDto.from(user);
  }

  // PUT /user/me is EmailChangeController's (src/accounts/): a new email needs the password check.

  @Get('grants')
  @ApiOperation({ summary: 'The apps you let act for you (authorization code grant)' })
  @ApiOkResponse({ type: [GrantDto] })
  grants(@CurrentPrincipal() principal: UserPrincipal): Promise<GrantDto[]> {
    return this.sessions.grantsOf(principal.userId);
  }

  @Get('sessions')
  @ApiOperation({
    summary:
      'Your signed-in sessions (not the apps you allowed: see grants): this one first, then the most recently used',
  })
  @ApiOkResponse({ type: SessionPage })
  async sessionList(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: PageQueryDto,
  ): Promise<Page<SessionDto>> {
    const { total, sessions } = await this.sessions.signInsOf(
      principal.userId,
      principal.sessionId,
      { limit: query.pageSize, offset: offsetOf(query) },
    );
    return toPage(query, total, sessions);
  }

  @Delete('sessions/:sessionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Sign out one of your sessions: its access and refresh tokens stop at once, on every instance (this one too, if named)',
  })
  @ApiNoContentResponse()
  async endSession(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('sessionId') sessionId: string,
  ): Promise<void> {
    const id = pathUuid(sessionId, 'Session not found');
    if (!(await this.sessions.endSignIn(principal.userId, id))) {
      throw new NotFoundError('Session not found');
    }
  }

  @Delete('sessions')
  @ApiOperation({
    summary:
      'Sign out everywhere (`?except=current`: everywhere else): your sessions and authorization-page sign-ins end at once; apps you allowed keep their grants',
  })
  @ApiOkResponse({ type: EndedSessionsDto })
  async endSessions(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: EndSessionsQueryDto,
  ): Promise<EndedSessionsDto> {
    const except = query.except === 'current' ? principal.sessionId : null;
    return { ended: await this.sessions.endSignInsOf(principal.userId, except) };
  }

  @Delete('grants/:clientId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Revoke an app's access: its tokens stop working at once" })
  @ApiNoContentResponse()
  async revokeGrant(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('clientId') clientId: string,
  ): Promise<void> {
    if (!(await this.sessions.endGrant(principal.userId, clientId))) {
      throw new NotFoundError('You have not granted this app access');
    }
  }
}
