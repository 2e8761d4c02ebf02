import { Body, Controller, Header, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TokenThrottlerGuard } from '../auth/token-endpoint';
import { Public } from '../common/access';
import { UserDto } from '../users/dto/user.dto';
import { RequestPasswordResetDto, ResetRequestedDto } from './dto/request-password-reset.dto';
import { SetPasswordDto } from './dto/set-password.dto';
import { PasswordResetService } from './password-reset.service';

/** Every reset request gets this, byte for byte. */
export const RESET_REQUESTED: ResetRequestedDto = {
  message: 'If an account has this address, we sent it a link to choose a new password',
};

/** contentjet's paths and bodies for a forgotten password. */
@ApiTags('user')
@Controller('user')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post('request-password-reset')
  @Public()
  // Each of these endpoints spends the sign-in's per-address budget.
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Forgot your password: an active account with this address is mailed a link to /set-password/<token> (one hour, once; asking again replaces it). The answer is the same for every address',
  })
  @ApiOkResponse({ type: ResetRequestedDto })
  async request(@Body() body: RequestPasswordResetDto): Promise<ResetRequestedDto> {
    await this.resets.request(body.email);
    return RESET_REQUESTED;
  }

  @Post('set-password')
  @Public()
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Choose a new password with a mailed link's token: every session of the user ends at once, on every instance, and the other reset links die. The answer is the user (sign in again)",
  })
  @ApiOkResponse({ type: UserDto })
  async setPassword(@Body() body: SetPasswordDto): Promise<UserDto> {
    return UserDto.from(await this.resets.setPassword(body.token, body.password));
  }
}
