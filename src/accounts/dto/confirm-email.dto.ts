import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `POST /user/confirm-email/`. */
export class ConfirmEmailDto {
  /** The token of the `/confirm-email/<token>` link mailed to the new address. */
  @IsString()
  @IsNotEmpty({ message: 'token is required' })
  @MaxLength(512)
  token: string;
}
