import { Body, Controller, Headers, Param, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { parseId } from '../common/ids';
import { presentedClientCredentials } from './client-credentials';
import { ClientCredentialsGrantRequestDto } from './dto/token-request.dto';
import { ClientTokenResponseDto, V1TokenResponseDto } from './dto/token-response.dto';
import { OAuthError } from './oauth-error';
import { expectGrantType, optionalString, TokenEndpoint, TokenRequestBody } from './token-endpoint';
import { TokenGrantsService } from './token-grants.service';

/** contentjet's client-credentials path: the project in the URL must be the client's own. */
@ApiTags('clients')
@ApiExtraModels(ClientTokenResponseDto, V1TokenResponseDto)
@Controller('project/:projectId/client')
export class ClientAuthenticateController {
  constructor(private readonly grants: TokenGrantsService) {}

  @Post('authenticate')
  @TokenEndpoint()
  @ApiOperation({ summary: "Trade an API client's id and secret for a read token on its project" })
  @ApiBody({ type: ClientCredentialsGrantRequestDto })
  @ApiOkResponse({
    description:
      "RFC 6749's body; for a client registered with tokenResponse envelope, the /v1 token API's",
    schema: {
      anyOf: [
        { $ref: getSchemaPath(ClientTokenResponseDto) },
        { $ref: getSchemaPath(V1TokenResponseDto) },
      ],
    },
  })
  authenticate(
    @Param('projectId') projectId: string,
    @Body() body: TokenRequestBody,
    @Headers('authorization') authorization?: string,
  ): Promise<ClientTokenResponseDto | V1TokenResponseDto> {
    expectGrantType(body, 'client_credentials');
    const client = presentedClientCredentials(body, authorization);
    if (!client)
      throw new OAuthError('invalid_request', 'client_id and client_secret are required');
    // An unparseable project id matches no client: the same answer as a wrong one.
    return this.grants.clientCredentials(client, {
      projectId: parseId(projectId) ?? -1,
      scope: optionalString(body, 'scope'),
    });
  }
}
