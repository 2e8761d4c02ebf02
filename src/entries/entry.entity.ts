import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('entry')
export class Entry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  projectId: number;

  @Column({ type: 'integer' })
  entryTypeId: number;

  @Column({ type: 'integer', nullable: true })
  userId: number | null;

  @Column({ type: 'integer', nullable: true })
  modifiedByUserId: number | null;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Visible to API clients from this instant; null is a draft. */
  @Column({ type: 'timestamptz', nullable: true })
  published: Date | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags: string[];

  /** Values keyed by field name, validated against the entry type. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  fields: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  modifiedAt: Date;
}
