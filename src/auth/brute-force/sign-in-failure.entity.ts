import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed password checks for one account from one client address, within a
 * window. `account` is the SHA-256 of the lower-cased email as typed, so an
 * email no account has is counted exactly like one that exists.
 */
@Entity('sign_in_failure')
export class SignInFailure {
  @PrimaryColumn({ type: 'char', length: 64 })
  account: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowEnds: Date;
}
