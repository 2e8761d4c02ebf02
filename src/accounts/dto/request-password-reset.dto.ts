import { IsEmail, MaxLength } from 'class-validator';

/** `POST /user/request-password-reset/`, contentjet's body. */
export class RequestPasswordResetDto {
  /** The address of the account; the answer is the same whether or not one has it. */
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

/** The one answer to every reset request, whatever the address. */
export class ResetRequestedDto {
  message: string;
}
