import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CurrentPrincipal,
  CurrentProject,
  ProjectAccess,
  ProjectAccessContext,
  UserAccess,
  UserPrincipal,
} from '../common/access';
import { BulkDelete, bulkIds } from '../common/bulk-ids';
import { pathId } from '../common/ids';
import { TokenThrottlerGuard } from '../auth/token-endpoint';
import { AcceptInviteDto, CreateInviteDto, InviteDto } from './dto/invite.dto';
import { InvitesService } from './invites.service';

const inviteId = (raw: string) => pathId(raw, 'Invite not found');

/** The user who acts: project admins are always people, never API clients. */
const actorOf = (project: ProjectAccessContext) => (project.principal as UserPrincipal).userId;

@ApiTags('invites')
@ProjectAccess('admin')
@Controller('project/:projectId/invite')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Get()
  @ApiOperation({ summary: "The project's pending invites (a plain array, as contentjet)" })
  @ApiOkResponse({ type: [InviteDto] })
  list(@CurrentProject() project: ProjectAccessContext): Promise<InviteDto[]> {
    return this.invites.list(project.projectId);
  }

  @Post()
  // Each invite mails someone: the sign-in budget bounds how many.
  @UseGuards(TokenThrottlerGuard)
  @ApiOperation({
    summary:
      'Invite someone by e-mail, registered or not (the same answer either way); a pending invite for the address is renewed and mailed again with a new link',
  })
  @ApiCreatedResponse({ type: InviteDto })
  @ApiConflictResponse({ description: 'The address already belongs to a member of the project' })
  create(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: CreateInviteDto,
  ): Promise<InviteDto> {
    return this.invites.invite(project.projectId, actorOf(project), body);
  }

  @Put('accept')
  @UserAccess()
  @UseGuards(TokenThrottlerGuard)
  @ApiOperation({
    summary:
      "Accept an invitation: the signed-in user holding the mailed token joins the project with the invite's role; the token then stops working",
  })
  @ApiOkResponse({ type: InviteDto })
  @ApiBadRequestResponse({
    description: 'The token is not a live invitation of this project (`errors.token`)',
  })
  accept(
    @Param('projectId') projectId: string,
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: AcceptInviteDto,
  ): Promise<InviteDto> {
    // No invite can be for a project id that is not one: the token is refused.
    return this.invites.accept(
      pathId(projectId, 'Project not found'),
      principal.userId,
      body.token,
    );
  }

  @Post('bulk-delete')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Cancel several invites (their links stop working): all of them, or none if any id is unknown',
  })
  @BulkDelete()
  async bulkRemove(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: unknown,
  ): Promise<void> {
    await this.invites.bulkRemove(project.projectId, bulkIds(body, 'invite ids'));
  }

  @Get(':inviteId')
  @ApiOperation({ summary: 'An invite' })
  @ApiOkResponse({ type: InviteDto })
  get(
    @CurrentProject() project: ProjectAccessContext,
    @Param('inviteId') id: string,
  ): Promise<InviteDto> {
    return this.invites.get(project.projectId, inviteId(id));
  }

  @Post(':inviteId/resend')
  @HttpCode(HttpStatus.OK)
  @UseGuards(TokenThrottlerGuard)
  @ApiOperation({
    summary:
      'Mail a pending invite again with a new link, valid 7 days; the previous link stops working',
  })
  @ApiOkResponse({ type: InviteDto })
  @ApiConflictResponse({ description: 'The invite was already accepted' })
  resend(
    @CurrentProject() project: ProjectAccessContext,
    @Param('inviteId') id: string,
  ): Promise<InviteDto> {
    return this.invites.resend(project.projectId, inviteId(id));
  }
}
