import { ConfigService } from '@nestjs/config';
import { JwtService, JwtSignOptions } from '@nestjs/jwt';
import type { JwtHeader } from 'jsonwebtoken';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AuthConfig } from '../../src/config/configuration';
import { SigningKeyService } from '../../src/tokens/signing-key.service';

/** Sign options whose header members each replace the default's. */
export type ForgeOptions = Omit<JwtSignOptions, 'header'> & { header?: Partial<JwtHeader> };

function authConfigOf(app: NestFastifyApplication): AuthConfig {
  return app.get(ConfigService).getOrThrow<AuthConfig>('auth');
}

/**
 * Signs `payload` as the app signs access tokens — its current key, ES256,
 * `kid`, `typ: at+jwt`, its issuer and audience, 5 minutes — except for what
 * `options` change: a token that differs from a real one in one respect.
 */
export function signAsApp(
  app: NestFastifyApplication,
  payload: object,
  options: ForgeOptions = {},
): string {
  const key = app.get(SigningKeyService).signingKey();
  const auth = authConfigOf(app);
  return new JwtService().sign(payload, {
    privateKey: key.privateKey,
    algorithm: 'ES256',
    issuer: auth.issuer,
    audience: auth.audience,
    expiresIn: 300,
    ...options,
    header: { alg: 'ES256', typ: 'at+jwt', kid: key.kid, ...options.header },
  });
}

/**
 * Signs `payload` as tokens were signed before signing keys: HS256 with
 * JWT_SECRET, no `kid`. `payload.iat` says when it was issued.
 */
export function signLegacy(
  app: NestFastifyApplication,
  payload: Record<string, unknown> & { iat: number },
  options: ForgeOptions = {},
): string {
  const auth = authConfigOf(app);
  return new JwtService().sign(payload, {
    secret: auth.jwtSecret,
    algorithm: 'HS256',
    issuer: auth.issuer,
    audience: auth.audience,
    expiresIn: 300,
    ...options,
    header: { alg: 'HS256', typ: 'at+jwt', ...options.header },
  });
}
