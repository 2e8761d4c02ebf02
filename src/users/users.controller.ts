import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, UserAccess, UserPrincipal } from '../common/access';
import { NotFoundError } from '../common/api-error';
import { SessionService } from '../tokens/session.service';
import { UpdateMeDto } from './dto/update-me.dto';
import { GrantDto } from './dto/grant.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

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

  @Put()
  @ApiOperation({ summary: 'Change your name or email' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Another user has this email' })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: UpdateMeDto,
  ): Promise<UserDto> {
    return UserDto.from(
      await this.users.update(principal.userId, { name: body.name, email: body.email }),
    );
  }

  @Get('grants')
  @ApiOperation({ summary: 'The apps you let act for you (authorization code grant)' })
  @ApiOkResponse({ type: [GrantDto] })
  grants(@CurrentPrincipal() principal: UserPrincipal): Promise<GrantDto[]> {
    return this.sessions.grantsOf(principal.userId);
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
