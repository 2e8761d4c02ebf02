import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../common/access';
import { TokenThrottlerGuard } from '../auth/token-endpoint';
import { UserDto } from '../users/dto/user.dto';
import { SignUpAnswerDto, SignUpDto, VerifyDto } from './dto/sign-up.dto';
import { SignUpService } from './sign-up.service';

@ApiTags('user')
@Public()
// Sign-ups mail someone and hash a password: the sign-in budget bounds them.
@UseGuards(TokenThrottlerGuard)
@Controller('user')
export class SignUpController {
  constructor(private readonly signUps: SignUpService) {}

  @Post('sign-up')
  @ApiOperation({
    summary:
      'Create an account, off until the mailed link verifies its address (SIGNUP=open, or with an invitation under SIGNUP=invite); a taken address gets a mail instead, and the same answer',
  })
  @ApiCreatedResponse({ type: SignUpAnswerDto })
  @ApiBadRequestResponse({
    description:
      "A body that breaks the rules; no valid `inviteToken` when one is needed; an `email` other than the invitation's",
  })
  @ApiNotFoundResponse({ description: 'SIGNUP=off' })
  signUp(@Body() body: SignUpDto): Promise<SignUpAnswerDto> {
    return this.signUps.signUp(body);
  }

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Verify a new account's address with the mailed token: the account is turned on (and joins the project it was invited to); the link works once",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({
    description: 'The token was used, expired or is unknown (`errors.token`)',
  })
  async verify(@Body() body: VerifyDto): Promise<UserDto> {
    return UserDto.from(await this.signUps.verify(body.token));
  }
}
