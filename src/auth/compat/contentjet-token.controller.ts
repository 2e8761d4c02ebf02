import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RefreshTokenGrantRequestDto } from '../dto/token-request.dto';
import { TokenResponseDto } from '../dto/token-response.dto';
import {
  expectGrantType,
  requiredParameter,
  TokenEndpoint,
  TokenRequestBody,
} from '../token-endpoint';
import { CompatRenewalsService } from './compat-renewals.service';

/** contentjet's refresh paths, which its admin UI calls with the access token. */
@ApiTags('auth')
@Controller()
export class ContentjetTokenController {
  constructor(private readonly renewals: CompatRenewalsService) {}

  @Post(['token-refresh', 'user/token-refresh'])
  @TokenEndpoint()
  @ApiOperation({
    summary:
      'Exchange a refresh token (or, as contentjet-ui does, a valid access token) for a new pair',
  })
  @ApiBody({ type: RefreshTokenGrantRequestDto })
  @ApiOkResponse({ type: TokenResponseDto })
  tokenRefresh(@Body() body: TokenRequestBody): Promise<TokenResponseDto> {
    expectGrantType(body, 'refresh_token');
    return this.renewals.contentjetRefresh(requiredParameter(body, 'refresh_token'));
  }
}
