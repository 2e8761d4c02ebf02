import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/api-error';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { containsPattern } from '../common/sql';
import { ContentEvents } from '../content/content-events.service';
import { Sql } from '../database/sql';
import { MemberDto, ProjectDto } from './dto/project.dto';
import { CreateProjectDto, UpdateProjectDto } from './dto/save-project.dto';
import { ProjectsRepository } from './projects.repository';

/**
 * Projects. Every method takes the project id the guard resolved from the
 * route for this caller; none looks a project up on any other authority.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly sql: Sql,
    private readonly events: ContentEvents,
  ) {}

  /** The projects a user owns or is an active member of; all of them for a global admin. */
  async list(
    viewer: { userId: number; isAdmin: boolean },
    query: PageQueryDto,
    search?: string,
  ): Promise<Page<ProjectDto>> {
    const { total, projects } = await this.projects.page(
      viewer,
      search ? containsPattern(search) : null,
      query.pageSize,
      offsetOf(query),
    );
    return toPage(query, total, projects);
  }

  async get(projectId: number): Promise<ProjectDto> {
    return found(await this.projects.find(projectId));
  }

  /** Creates a project owned by the user, who also becomes its first admin member. */
  create(ownerId: number, input: CreateProjectDto): Promise<ProjectDto> {
    return this.projects.create(ownerId, {
      name: input.name.trim(),
      metadata: input.metadata ?? '',
      publicMedia: input.publicMedia ?? false,
    });
  }

  async update(projectId: number, input: UpdateProjectDto): Promise<ProjectDto> {
    return this.sql.transaction(async (tx) => {
      const project = found(
        await this.projects.update(
          projectId,
          {
            name: input.name.trim(),
            metadata: input.metadata ?? '',
            publicMedia: input.publicMedia ?? null,
          },
          tx,
        ),
      );
      await this.events.emit(tx, {
        type: 'projectUpdated',
        projectId,
        occurredAt: new Date(),
        data: project,
      });
      return project;
    });
  }

  /**
   * Deletes the project and, by cascade in the same statement, its members,
   * clients and content. Its event comes first, in the same transaction:
   * what takes it (its web hooks) goes with the project.
   */
  async remove(projectId: number): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await this.events.emit(tx, {
        type: 'projectDeleted',
        projectId,
        occurredAt: new Date(),
        data: { id: projectId },
      });
      await this.projects.remove(projectId, tx);
    });
  }

  /** Members of one project, as contentjet-ui shows them. */
  members(projectId: number): Promise<MemberDto[]> {
    return this.projects.members(projectId);
  }
}

/** The guard found the project; it is gone only if deleted since, which is a 404 too. */
function found(project: ProjectDto | undefined): ProjectDto {
  if (!project) throw new NotFoundError('Project not found');
  return project;
}
