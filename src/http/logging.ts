import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ConfigModule } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';
import { appConfig, AppConfig } from '../config/configuration';

/** Never written to a log line: credentials in headers and bodies. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.client_secret',
  '*.clientSecret',
  '*.refresh_token',
  '*.access_token',
  '*.code_verifier',
];

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * A caller's `X-Request-Id` if it looks sane, else a fresh UUID. Fastify
 * calls this first; stamping it on the raw request lets pino-http reuse it,
 * so the log line and the error filter name the same id.
 */
export function requestId(request: IncomingMessage): string {
  const existing = (request as { id?: unknown }).id;
  if (typeof existing === 'string') return existing;
  const header = request.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  (request as { id?: string }).id = id;
  return id;
}

function prettyAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export const LoggingModule = LoggerModule.forRootAsync({
  imports: [ConfigModule.forFeature(appConfig)],
  inject: [appConfig.KEY],
  useFactory: (app: AppConfig) => ({
    pinoHttp: {
      level: app.logLevel,
      genReqId: requestId,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      customProps: () => ({ service: 'tessera' }),
      // JSON lines in production; readable lines for a developer at a terminal.
      transport:
        !app.isProduction && process.stdout.isTTY && prettyAvailable()
          ? { target: 'pino-pretty', options: { singleLine: true } }
          : undefined,
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
    },
  }),
});
