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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
