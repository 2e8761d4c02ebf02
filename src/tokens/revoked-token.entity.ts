import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `jti:<id>` or `sid:<id>`, kept until every token it names has expired. */
@Entity('revoked_token')
export class RevokedToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  /** When it takes effect; null: from the start. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedFrom: Date | null;
}
