import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SessionPurpose = 'tokens' | 'authorize';

/** One sign-in. Its refresh tokens rotate within it; `expiresAt` bounds every renewal. */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Set for a session an API client holds for the user (authorization code grant). */
  @Column({ type: 'integer', nullable: true })
  clientId: number | null;

  @Column({ type: 'integer', nullable: true })
  projectId: number | null;

  /** Space-separated scopes granted to that client. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  scope: string | null;

  /** `tokens` (a token pair) or `authorize` (the authorization page's browser sign-in). */
  @Column({ type: 'varchar', length: 16, default: 'tokens' })
  purpose: SessionPurpose;
}
