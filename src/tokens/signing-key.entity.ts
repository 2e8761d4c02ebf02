import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key that signs access tokens (the current one) or still verifies them (retired). */
@Entity('signing_key')
export class SigningKey {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid: string;

  @Column({ type: 'varchar', length: 16 })
  alg: string;

  @Column({ type: 'jsonb' })
  publicJwk: Record<string, string>;

  /** Sealed PKCS#8; null once retired. */
  @Column({ type: 'text', nullable: true })
  privateKey: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
