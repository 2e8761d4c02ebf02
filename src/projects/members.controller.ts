import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentProject, ProjectAccess, ProjectAccessContext } from '../common/access';
import { pathId } from '../common/ids';
import { AddMemberDto, UpdateMemberDto } from './dto/member.dto';
import { MemberDto } from './dto/project.dto';
import { MembersService } from './members.service';
import { ProjectsService } from './projects.service';

@ApiTags('members')
@ProjectAccess('admin')
@Controller('project/:projectId')
export class MembersController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly members: MembersService,
  ) {}

  @Get('member')
  @ApiOperation({ summary: "The project's members" })
  @ApiOkResponse({ type: [MemberDto] })
  list(@CurrentProject() project: ProjectAccessContext): Promise<MemberDto[]> {
    return this.projects.members(project.projectId);
  }

  @Post('member')
  @ApiOperation({ summary: 'Add an existing user to the project' })
  @ApiCreatedResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'Already a member' })
  add(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: AddMemberDto,
  ): Promise<MemberDto> {
    return this.members.add(project.projectId, body);
  }

  @Post('update-member')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Change a member's role or activity (contentjet's update-member)" })
  @ApiOkResponse({ type: MemberDto })
  @ApiConflictResponse({ description: 'Would demote the owner or the last admin' })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: UpdateMemberDto,
  ): Promise<MemberDto> {
    return this.members.update(project.projectId, body);
  }

  @Delete('member/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member (never the owner or the last admin)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The owner or the last admin' })
  async remove(
    @CurrentProject() project: ProjectAccessContext,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.members.remove(project.projectId, pathId(userId, 'Member not found'));
  }
}
