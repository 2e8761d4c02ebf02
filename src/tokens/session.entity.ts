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

  /** When it began or last renewed its tokens. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  /** The User-Agent of the sign-in that began it, cut to 512 characters. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

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
