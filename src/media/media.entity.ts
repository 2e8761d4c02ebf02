import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A stored file of a project's media library; its bytes live in MediaStorage under `fileKey`. */
@Entity('media')
export class Media {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  /** Who uploaded it. */
  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  /** The display name: the uploaded file's name unless the upload named it. */
  @Column({ type: 'varchar', length: 512 })
  name: string;

  /** The original's storage key, `<projectId>/<uuid>.<ext>`. */
  @Column({ type: 'varchar', length: 512, unique: true })
  fileKey: string;

  /** Hex SHA-256 of the original. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** As sniffed from the bytes, never as the client claimed. */
  @Column({ type: 'varchar', length: 128 })
  mimeType: string;

  @Column({ type: 'bigint' })
  size: string;

  @Column({ type: 'integer', default: 0 })
  width: number;

  @Column({ type: 'integer', default: 0 })
  height: number;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
