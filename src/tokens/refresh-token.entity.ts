import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A refresh token, stored only as the hex SHA-256 of its value. */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 64 })
  tokenDigest: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Set when the token was exchanged; presenting it again is reuse. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;
}
