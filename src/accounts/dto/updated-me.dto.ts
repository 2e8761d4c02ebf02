import { UserDto } from '../../users/dto/user.dto';
import type { User } from '../../users/user.entity';

/** `PUT /user/me`'s answer: the user as it now is, and the address waiting to be confirmed. */
export class UpdatedMeDto extends UserDto {
  /**
   * Present when the body asked for another email: a confirmation link went
   * to this address, and `email` stays as it is until it is followed.
   */
  pendingEmail?: string;

  static pending(user: User, pendingEmail?: string): UpdatedMeDto {
    return Object.assign(
      new UpdatedMeDto(),
      UserDto.from(user),
      pendingEmail ? { pendingEmail } : {},
    );
  }
}
