import { ApiProperty } from '@nestjs/swagger';
import type { MembershipType } from '../project-membership.entity';

/** A project member as contentjet-ui reads it. */
export class MemberDto {
  /** The user's id. */
  id: number;
  name: string;
  email: string;
  @ApiProperty({ enum: ['admin', 'author'] })
  membershipType: MembershipType;
  membershipIsActive: boolean;
}

export class ProjectDto {
  id: number;
  name: string;
  metadata: string;
  /** Anyone may fetch the project's media files (`/project/:id/media/:mediaId/file`) without a token. */
  publicMedia: boolean;
  /** The owner's user id. */
  userId: number;
  createdAt: Date;
  modifiedAt: Date;
  members: MemberDto[];
}
