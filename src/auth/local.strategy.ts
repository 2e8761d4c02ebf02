import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { User } from '../users/user.entity';
import { clientAddress } from './brute-force/client-address';
import { CredentialsService, signedInUser } from './credentials.service';
import { OAuthError } from './oauth-error';
import { expectGrantType, TokenRequestBody } from './token-endpoint';

/** The password grant on contentjet's paths: `{username, password, grant_type: "password"}`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly credentials: CredentialsService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, username: unknown, password: unknown): Promise<User> {
    expectGrantType(request.body as TokenRequestBody, 'password');
    // passport-local hands over whatever a JSON body holds: a number or an object is no email.
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new OAuthError('invalid_request', 'username and password must be strings');
    }
    return signedInUser(await this.credentials.verify(username, password, clientAddress(request)));
  }
}
