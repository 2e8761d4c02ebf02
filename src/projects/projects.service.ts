import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { offsetOf, Page, PageQueryDto, toPage } from '../common/pagination';
import { containsPattern } from '../common/sql';
import { MemberDto, ProjectDto } from './dto/project.dto';
import { CreateProjectDto, UpdateProjectDto } from './dto/save-project.dto';
import { Project } from './project.entity';

const SELECT_PROJECT = `SELECT p.id, p.name, p.metadata, p.user_id, p.created_at, p.modified_at
  FROM project p`;

interface ProjectRow {
  id: number;
  name: string;
  metadata: string;
  user_id: number;
  created_at: Date;
  modified_at: Date;
}

interface MemberRow {
  project_id: number;
  id: number;
  name: string;
  email: string;
  membership_type: 'admin' | 'author';
  membership_is_active: boolean;
}

/**
 * Projects. Every method takes the project id the guard resolved from the
 * route for this caller; none looks a project up on any other authority.
 */
@Injectable()
export class ProjectsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The projects a user owns or is an active member of; all of them for a global admin. */
  async list(
    viewer: { userId: number; isAdmin: boolean },
    query: PageQueryDto,
    search?: string,
  ): Promise<Page<ProjectDto>> {
    const visible = `($1::boolean OR p.user_id = $2 OR EXISTS (
        SELECT 1 FROM project_membership m
         WHERE m.project_id = p.id AND m.user_id = $2 AND m.membership_is_active))
      AND ($3::text IS NULL OR p.name ILIKE $3)`;
    const params = [viewer.isAdmin, viewer.userId, search ? containsPattern(search) : null];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM project p WHERE ${visible}`,
      params,
    );
    const rows: ProjectRow[] = await this.dataSource.query(
      `${SELECT_PROJECT} WHERE ${visible} ORDER BY p.name, p.id LIMIT $4 OFFSET $5`,
      [...params, query.pageSize, offsetOf(query)],
    );
    return toPage(query, total, await this.withMembers(rows));
  }

  async get(projectId: number): Promise<ProjectDto> {
    const rows: ProjectRow[] = await this.dataSource.query(`${SELECT_PROJECT} WHERE p.id = $1`, [
      projectId,
    ]);
    return (await this.withMembers(rows))[0];
  }

  /** Creates a project owned by the user, who also becomes its first admin member. */
  async create(ownerId: number, input: CreateProjectDto): Promise<ProjectDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const project = await manager.getRepository(Project).save({
        name: input.name.trim(),
        metadata: input.metadata ?? '',
        userId: ownerId,
      });
      await manager.query(
        `INSERT INTO project_membership (project_id, user_id, membership_type) VALUES ($1, $2, 'admin')`,
        [project.id, ownerId],
      );
      return project.id;
    });
    return this.get(id);
  }

  async update(projectId: number, input: UpdateProjectDto): Promise<ProjectDto> {
    await this.dataSource
      .getRepository(Project)
      .update({ id: projectId }, { name: input.name.trim(), metadata: input.metadata ?? '' });
    return this.get(projectId);
  }

  /** Deletes the project and, by cascade in the same statement, its members, clients and content. */
  async remove(projectId: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM project WHERE id = $1`, [projectId]);
  }

  /** Members of one project, as contentjet-ui shows them. */
  async members(projectId: number): Promise<MemberDto[]> {
    return (await this.membersOf([projectId])).get(projectId) ?? [];
  }

  private async withMembers(rows: ProjectRow[]): Promise<ProjectDto[]> {
    const members = await this.membersOf(rows.map((row) => row.id));
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      metadata: row.metadata,
      userId: row.user_id,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      members: members.get(row.id) ?? [],
    }));
  }

  private async membersOf(projectIds: number[]): Promise<Map<number, MemberDto[]>> {
    const byProject = new Map<number, MemberDto[]>();
    if (projectIds.length === 0) return byProject;
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT m.project_id, u.id, u.name, u.email, m.membership_type, m.membership_is_active
         FROM project_membership m JOIN "user" u ON u.id = m.user_id
        WHERE m.project_id = ANY($1::int[])
        ORDER BY u.name, u.id`,
      [projectIds],
    );
    for (const row of rows) {
      const list = byProject.get(row.project_id) ?? [];
      list.push({
        id: row.id,
        name: row.name,
        email: row.email,
        membershipType: row.membership_type,
        membershipIsActive: row.membership_is_active,
      });
      byProject.set(row.project_id, list);
    }
    return byProject;
  }
}
