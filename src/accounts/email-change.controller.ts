import {
  Body,
  Controller,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Put,
  Req,
  UseGuards,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { clientAddress } from '../auth/brute-force/client-address';
import { TokenThrottlerGuard } from '../auth/token-endpoint';
import { CurrentPrincipal, Public, UserAccess, UserPrincipal } from '../common/access';
import { UpdateMeDto } from '../users/dto/update-me.dto';
import { UserDto } from '../users/dto/user.dto';
import { ConfirmEmailDto } from './dto/confirm-email.dto';
import { UpdatedMeDto } from './dto/updated-me.dto';
import { EmailChangeService } from './email-change.service';

@ApiTags('user')
@Controller('user')
export class EmailChangeController {
  constructor(private readonly changes: EmailChangeService) {}

  @Put('me')
  @UserAccess()
  @ApiOperation({
    summary:
      'Change your name at once; another email needs currentPassword and changes only once the link mailed to it is followed (your current address is told)',
  })
  @ApiOkResponse({ type: UpdatedMeDto })
  @ApiTooManyRequestsResponse({
    description:
      'Too many wrong current passwords for this account from this address, as for sign-ins',
  })
  async update(
    @CurrentPrincipal() principal: UserPrincipal,
    @Body() body: UpdateMeDto,
    @Req() request: { ip: string },
  ): Promise<UpdatedMeDto> {
    const { user, pendingEmail } = await this.changes.update(
      principal.userId,
      body,
      clientAddress(request),
    );
    return UpdatedMeDto.pending(user, pendingEmail);
  }

  @Post('confirm-email')
  @Public()
  // The token is the credential here: guessing spends the sign-in's per-address budget.
  @UseGuards(TokenThrottlerGuard)
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Follow the link mailed to a new address: the account takes it (the other change links die, and reset links sent to the old address). The answer is the user. Needs no session: the link's token is the proof",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Another account has taken the address since' })
  async confirm(@Body() body: ConfirmEmailDto): Promise<UserDto> {
    return UserDto.from(await this.changes.confirm(body.token));
  }
}
