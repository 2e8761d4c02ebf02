import { Injectable } from '@nestjs/common';
import { ProjectsRepository } from './projects.repository';

export interface ProjectStanding {
  /** The user is active and, when a session was named, it has not ended. */
  live: boolean;
  /** The project exists. */
  exists: boolean;
  isAdmin: boolean;
  isOwner: boolean;
  /** The active membership's role, or null. */
  membershipType: 'admin' | 'author' | null;
  /** Anyone may fetch the project's media files. */
  publicMedia: boolean;
}

/**
 * One query: does the project exist, and what is this user in it? Given the
 * session a token belongs to, the user counts only while that session is
 * live, so an ended session stops at once however the deny-list stands.
 */
@Injectable()
export class ProjectAccessService {
  constructor(private readonly projects: ProjectsRepository) {}

  async standing(
    userId: number,
    projectId: number,
    sessionId: string | null = null,
  ): Promise<ProjectStanding> {
    const row = await this.projects.standing(userId, projectId, sessionId);
    if (!row?.live) {
      return {
        live: false,
        exists: false,
        isAdmin: false,
        isOwner: false,
        membershipType: null,
        publicMedia: false,
      };
    }
    return {
      live: true,
      exists: row.ownerId !== null,
      isAdmin: row.isAdmin,
      isOwner: row.ownerId === userId,
      membershipType: row.membershipType,
      publicMedia: row.publicMedia,
    };
  }

  /** Whether anyone may fetch the project's media files, token or not. */
  hasPublicMedia(projectId: number): Promise<boolean> {
    return this.projects.hasPublicMedia(projectId);
  }
}
