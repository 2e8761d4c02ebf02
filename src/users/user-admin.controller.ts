import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, GlobalAdminAccess, UserPrincipal } from '../common/access';
import { NotFoundError } from '../common/api-error';
import { pathId } from '../common/ids';
import { Page, PageOf } from '../common/pagination';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserListQueryDto } from './dto/user-list-query.dto';
import { UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

const UserPage = PageOf(UserDto);

/** User administration (contentjet's `/user/` viewset), for global admins only. */
@ApiTags('users (global admins)')
@GlobalAdminAccess()
@Controller('user')
export class UserAdminController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user by name, or those whose name or email contains `search`' })
  @ApiOkResponse({ type: UserPage })
  async list(@Query() query: UserListQueryDto): Promise<Page<UserDto>> {
    const page = await this.users.list(query, query.search?.trim() || undefined);
    return { ...page, results: page.results.map((user) => UserDto.from(user)) };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a user, as `npm run cli -- create-user` does (active, with this password)',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Another user has this email' })
  async create(@Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(body));
  }

  @Get(':userId')
  @ApiOperation({ summary: 'A user' })
  @ApiOkResponse({ type: UserDto })
  async get(@Param('userId') userId: string): Promise<UserDto> {
    const user = await this.users.findById(pathId(userId, 'User not found'));
    if (!user) throw new NotFoundError('User not found');
    return UserDto.from(user);
  }

  @Put(':userId')
  @ApiOperation({
    summary:
      "Change a user's name, email, admin right or activity; deactivating ends their sessions at once. Never your own admin right or activity",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Another user has this email' })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('userId') userId: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.from(
      await this.users.administer(principal.userId, pathId(userId, 'User not found'), {
        name: body.name,
        email: body.email,
        isAdmin: body.isAdmin,
        isActive: body.isActive,
      }),
    );
  }
}
