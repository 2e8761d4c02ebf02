import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** An API client of one project: reads its content with client-credentials tokens. */
@Entity('client')
export class Client {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Public identifier, random. */
  @Column({ type: 'varchar', length: 64 })
  clientId: string;

  /** Hex SHA-256 of the secret; the secret itself is shown once and never stored. */
  @Column({ type: 'char', length: 64, select: false })
  clientSecretDigest: string;

  /** Bumped on every rotation; tokens carry it, so older ones can be revoked together. */
  @Column({ type: 'integer', default: 1 })
  secretVersion: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  redirectUris: string[];

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** The scopes its tokens may be granted: `read` (always implied), `preview`, and labels. */
  @Column({ type: 'jsonb', default: () => `'["read"]'` })
  scopes: string[];

  /** The entry types its tokens may read; null for all of them. */
  @Column({ type: 'jsonb', nullable: true })
  entryTypeIds: number[] | null;

  /** After this, it no longer authenticates and its tokens stop. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  /** Seconds its tokens live; null for the default. */
  @Column({ type: 'integer', nullable: true })
  tokenLifetime: number | null;

  /** The token endpoint's answer: RFC 6749's body, or the `/v1` token API's envelope. */
  @Column({ type: 'varchar', length: 16, default: 'oauth2' })
  tokenResponse: 'oauth2' | 'envelope';

  /** The secret replaced by a rotation with grace, until `previousSecretExpiresAt`. */
  @Column({ type: 'char', length: 64, nullable: true, select: false })
  previousSecretDigest: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
