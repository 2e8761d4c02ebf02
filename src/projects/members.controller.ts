import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CurrentProject,
  ProjectAccess,
  ProjectAccessContext,
  UserPrincipal,
} from '../common/access';
import { pathId } from '../common/ids';
import { InviteDto } from './dto/invite.dto';
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
  @ApiOperation({
    summary:
      'Add a user to the project by e-mail; an address with no active account is mailed an invitation instead (202 with the invite)',
  })
  @ApiCreatedResponse({ type: MemberDto, description: 'The user is now a member' })
  @ApiAcceptedResponse({ type: InviteDto, description: 'An invitation was mailed to the address' })
  @ApiConflictResponse({ description: 'Already a member' })
  async add(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: AddMemberDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const actorId = (project.principal as UserPrincipal).userId;
    const result = await this.members.add(project.projectId, actorId, body);
    // Which of the two happened decides the status: sent here, as @HttpCode is fixed.
    if ('member' in result) await reply.status(HttpStatus.CREATED).send(result.member);
    else await reply.status(HttpStatus.ACCEPTED).send(result.invite);
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
