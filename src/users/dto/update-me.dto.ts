import { Allow, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/**
 * `PUT /user/me`. contentjet-ui sends back the whole user it read, so the
 * read-only fields of that response are accepted and ignored; anything else
 * unknown is still a 400.
 */
export class UpdateMeDto {
  @IsOptional()
  @IsString()
  @Length(1, 128, { message: 'name must be between 1 and 128 characters' })
  name?: string;

  /**
   * Another address than the current one changes nothing yet: it needs
   * `currentPassword`, and a confirmation link is mailed to it (the current
   * address is told); the change happens when the link is followed.
   */
  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

  /** Required with an `email` other than the current one. */
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  currentPassword?: string;

  /** Read-only; ignored. */
  @Allow() id?: unknown;
  /** Read-only; ignored. */
  @Allow() isAdmin?: unknown;
  /** Read-only; ignored. */
  @Allow() isActive?: unknown;
  /** Read-only; ignored. */
  @Allow() createdAt?: unknown;
  /** Read-only; ignored. */
  @Allow() modifiedAt?: unknown;
  /** Read-only (an earlier answer's); ignored. */
  @Allow() pendingEmail?: unknown;
}
