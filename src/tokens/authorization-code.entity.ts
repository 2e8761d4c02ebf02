import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A one-time code of the authorization code grant, stored only as its SHA-256. */
@Entity('authorization_code')
export class AuthorizationCode {
  @PrimaryColumn({ type: 'char', length: 64 })
  codeDigest: string;

  @Column({ type: 'integer' })
  clientId: number;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'text' })
  redirectUri: string;

  @Column({ type: 'varchar', length: 64 })
  scope: string;

  /** PKCE S256 challenge. */
  @Column({ type: 'varchar', length: 128 })
  codeChallenge: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** The session the first exchange started: a replay of the code ends it. */
  @Column({ type: 'uuid', nullable: true })
  sessionId: string | null;

  /** The browser sign-in that approved it: once that has ended, the code is void. */
  @Column({ type: 'uuid', nullable: true })
  signInId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
