import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One fixed rate-limit window, shared by every instance on the database. */
@Entity('rate_limit')
export class RateLimit {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ type: 'timestamptz' })
  resetsAt: Date;
}
