import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
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
import { Page, PageOf } from '../common/pagination';
import { ClientsService } from '../clients/clients.service';
import { MediaService } from '../media/media.service';
import { UsersService } from '../users/users.service';
import { ProjectDto } from './dto/project.dto';
import { CreateProjectDto, ProjectListQueryDto, UpdateProjectDto } from './dto/save-project.dto';
import { ProjectsService } from './projects.service';

const ProjectPage = PageOf(ProjectDto);

@ApiTags('projects')
@Controller('project')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly media: MediaService,
  ) {}

  @Get()
  @UserAccess()
  @ApiOperation({
    summary: 'Projects you own or are an active member of (all, for a global admin)',
  })
  @ApiOkResponse({ type: ProjectPage })
  async list(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: ProjectListQueryDto,
  ): Promise<Page<ProjectDto>> {
    const user = await this.users.findById(principal.userId);
    return this.projects.list(
      { userId: principal.userId, isAdmin: user?.isAdmin ?? false },
      query,
      query.search?.trim() || undefined,
    );
  }

  @Post()
  @UserAccess()
  @ApiOperation({ summary: 'Create a project; you become its owner and an admin member' })
  @ApiCreatedResponse({ type: ProjectDto })
  create(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: CreateProjectDto,
  ): Promise<ProjectDto> {
    return this.projects.create(principal.userId, body);
  }

  @Get(':projectId')
  @ProjectAccess('member')
  @ApiOperation({ summary: 'A project with its members' })
  @ApiOkResponse({ type: ProjectDto })
  get(@CurrentProject() project: ProjectAccessContext): Promise<ProjectDto> {
    return this.projects.get(project.projectId);
  }

  @Put(':projectId')
  @ProjectAccess('admin')
  @ApiOperation({ summary: "Change a project's name, metadata and publicMedia" })
  @ApiOkResponse({ type: ProjectDto })
  update(
    @CurrentProject() project: ProjectAccessContext,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectDto> {
    return this.projects.update(project.projectId, body);
  }

  @Delete(':projectId')
  @ProjectAccess('owner')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a project with its members, clients, content and media' })
  @ApiNoContentResponse()
  async remove(@CurrentProject() project: ProjectAccessContext): Promise<void> {
    // Read the clients first: after the cascade there is nothing left to name.
    const clients = await this.clients.secretVersionsOf(project.projectId);
    await this.projects.remove(project.projectId);
    await this.clients.revokeTokens(clients);
    // Once the rows are gone: a crash before this leaves files the sweep removes.
    await this.media.removeProjectFiles(project.projectId);
  }
}
