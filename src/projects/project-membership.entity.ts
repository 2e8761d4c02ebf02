import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const MEMBERSHIP_TYPES = ['admin', 'author'] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

@Entity('project_membership')
export class ProjectMembership {
  @PrimaryColumn({ type: 'integer' })
  projectId: number;

  @PrimaryColumn({ type: 'integer' })
  userId: number;

  @Column({ type: 'varchar', length: 16 })
  membershipType: MembershipType;

  @Column({ type: 'boolean', default: true })
  membershipIsActive: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
