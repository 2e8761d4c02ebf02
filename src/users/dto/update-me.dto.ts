import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Allow } from 'class-validator';

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

  @IsOptional()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email?: string;

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
}
