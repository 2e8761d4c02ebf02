import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigType, registerAs } from '@nestjs/config';
import {
  EnvironmentVariables,
  InvalidConfigurationError,
  parseTrustProxy,
  validateEnvironment,
} from './environment';

export const appConfig = registerAs('app', () => {
  const env = validateEnvironment(process.env);
  const publicUrl = publicUrlOf(env);
  return {
    nodeEnv: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    corsOrigins: parseCorsOrigins(env.CORS_ORIGIN),
    logLevel: env.LOG_LEVEL,
    /** Which X-Forwarded-For hops to believe: a hop count or the proxies' addresses (Fastify's `trustProxy`). */
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    /** How long deletions are kept for the sync API, and so how old a sync token may be. */
    syncRetentionSeconds: env.SYNC_RETENTION_DAYS * 86_400,
    /** `GET /metrics` answers only when on; with a token, only to `Authorization: Bearer <token>`. */
    metrics: { enabled: env.METRICS === 'on', token: env.METRICS_TOKEN ?? null },
    /** The admin UI at `/admin` and its session endpoints; off, both answer 404. */
    adminUi: env.ADMIN_UI === 'on',
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = validateEnvironment(process.env);
  return {
    url: env.DATABASE_URL,
    dataDir: resolve(env.DATA_DIR),
    runMigrations: !['1', 'true'].includes(env.DB_SKIP_MIGRATIONS ?? ''),
  };
});

export const authConfig = registerAs('auth', () => {
  const env = validateEnvironment(process.env);
  return {
    jwtSecret: env.JWT_SECRET ?? readOrCreateDevelopmentSecret(resolve(env.DATA_DIR)),
    userTokenExpiry: env.USER_TOKEN_EXPIRY,
    clientTokenExpiry: env.CLIENT_TOKEN_EXPIRY,
    refreshTokenExpiry: env.REFRESH_TOKEN_EXPIRY,
    tokenRateLimitPerMinute: env.TOKEN_RATE_LIMIT_PER_MINUTE,
    /** Seconds an access token traded on `/token-refresh` keeps answering API calls. */
    renewalGraceSeconds: env.RENEWAL_GRACE_SECONDS,
    issuer: publicUrlOf(env),
    /** The `aud` of every access token: this API. */
    audience: publicUrlOf(env),
  };
});

export const mediaConfig = registerAs('media', () => {
  const env = validateEnvironment(process.env);
  const sizes = env.MEDIA_RENDITION_SIZES.split(',').map((size) => Number(size.trim()));
  const badSize = sizes.find((size) => size < 1 || size > 4096);
  if (badSize !== undefined) {
    throw new InvalidConfigurationError(
      `Invalid configuration: MEDIA_RENDITION_SIZES has ${badSize}, outside 1-4096`,
    );
  }
  return {
    /** Local files live under here (the default driver). */
    directory: join(resolve(env.DATA_DIR), 'media'),
    maxBytes: env.MEDIA_MAX_BYTES,
    allowedTypes: env.MEDIA_ALLOWED_TYPES.split(',').map((type) => type.trim()),
    /** Sorted, without repeats. */
    renditionSizes: [...new Set(sizes)].sort((a, b) => a - b),
    sweepIntervalMs: env.MEDIA_SWEEP_MINUTES * 60_000,
    /** Null: local files under `directory`. */
    s3: env.MEDIA_S3_BUCKET
      ? {
          bucket: env.MEDIA_S3_BUCKET,
          endpoint: env.MEDIA_S3_ENDPOINT ?? null,
          region: env.MEDIA_S3_REGION,
          credentials:
            env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY
              ? {
                  accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID,
                  secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY,
                }
              : null,
          forcePathStyle: ['1', 'true'].includes(env.MEDIA_S3_FORCE_PATH_STYLE ?? ''),
          prefix: (env.MEDIA_S3_PREFIX ?? '').replace(/^\/+|\/+$/g, ''),
        }
      : null,
  };
});

export const jobsConfig = registerAs('jobs', () => {
  const env = validateEnvironment(process.env);
  return {
    /** Off: jobs are queued here and run by other instances. */
    workers: env.JOBS_WORKERS === 'on',
    pollSeconds: env.JOBS_POLL_SECONDS,
  };
});

export const webhooksConfig = registerAs('webhooks', () => {
  const env = validateEnvironment(process.env);
  return {
    /** What hook secrets are sealed under (a purpose-bound key is derived from it). */
    sealingSecret:
      env.WEBHOOK_KEY ?? env.JWT_SECRET ?? readOrCreateDevelopmentSecret(resolve(env.DATA_DIR)),
    allowPrivateTargets: ['1', 'true'].includes(env.WEBHOOK_ALLOW_PRIVATE ?? ''),
    timeoutMs: Math.round(env.WEBHOOK_TIMEOUT_SECONDS * 1000),
    /** Delay before retry n (0-based), ms; its length is the number of retries. */
    retryDelaysMs: env.WEBHOOK_RETRY_SECONDS.split(',').map((seconds) =>
      Math.round(Number(seconds.trim()) * 1000),
    ),
  };
});

export const mailConfig = registerAs('mail', () => {
  const env = validateEnvironment(process.env);
  return {
    /** null: mails go to the log and to `outboxDir` as .eml files instead. */
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM,
    /** The first retry's delay; with backoff, 12 retries span about a day and a half. */
    retrySeconds: env.MAIL_RETRY_SECONDS,
    retryLimit: 12,
    outboxDir: join(resolve(env.DATA_DIR), 'outbox'),
    /** Where mailed links point, without a trailing slash. */
    adminUrl: (env.ADMIN_URL ?? `${publicUrlOf(env)}/admin`).replace(/\/+$/, ''),
    /** Seals queued mails (their links carry tokens): a purpose-bound key is derived from it. */
    sealingSecret: env.JWT_SECRET ?? readOrCreateDevelopmentSecret(resolve(env.DATA_DIR)),
    signup: env.SIGNUP,
  };
});

export type AppConfig = ConfigType<typeof appConfig>;
export type DatabaseConfig = ConfigType<typeof databaseConfig>;
export type AuthConfig = ConfigType<typeof authConfig>;
export type MediaConfig = ConfigType<typeof mediaConfig>;
export type JobsConfig = ConfigType<typeof jobsConfig>;
export type WebhooksConfig = ConfigType<typeof webhooksConfig>;
export type MailConfig = ConfigType<typeof mailConfig>;

function publicUrlOf(env: EnvironmentVariables): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}

/** `*` (any origin), or a comma-separated list of exact origins. */
function parseCorsOrigins(value: string): '*' | string[] {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return origins.length === 0 || origins.includes('*') ? '*' : origins;
}

/**
 * Outside production no one should have to invent a secret: one is generated
 * on first start and kept in DATA_DIR, so tokens stay valid across restarts.
 */
function readOrCreateDevelopmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process created it first: theirs wins, so both sign alike.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
