import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('project')
export class Project {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  /** Free text for the project's own use (contentjet's `metadata`). */
  @Column({ type: 'text', default: '' })
  metadata: string;

  /** Anyone may fetch the project's media files, without a token. */
  @Column({ type: 'boolean', default: false })
  publicMedia: boolean;

  /** The owner. */
  @Column({ type: 'integer' })
  userId: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
