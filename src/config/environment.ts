import { plainToInstance, Transform } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  ValidateBy,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** MEDIA_RENDITION_SIZES when unset (the API description lists them too). */
export const DEFAULT_RENDITION_SIZES =
  '64,128,200,320,400,480,640,800,960,1024,1200,1280,1600,1920,2048,2560';

const toInt = Transform(({ value }: { value: unknown }) => {
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
});

const toDecimal = Transform(({ value }: { value: unknown }) => {
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
});

/**
 * Every environment variable Tessera reads, validated once at boot.
 * Each one is documented in `.env.example` and the README.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsOptional()
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  DB_SKIP_MIGRATIONS?: string;

  @ValidateIf(
    (env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined,
  )
  @IsDefined({ message: 'JWT_SECRET is required when NODE_ENV=production' })
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @toInt
  @IsInt()
  @Min(10)
  @Max(86400)
  USER_TOKEN_EXPIRY = 300;

  @IsOptional()
  @toInt
  @IsInt()
  @Min(10)
  @Max(604800)
  CLIENT_TOKEN_EXPIRY = 3600;

  @IsOptional()
  @toInt
  @IsInt()
  @Min(60)
  @Max(31536000)
  REFRESH_TOKEN_EXPIRY = 1209600;

  @IsOptional()
  @toInt
  @IsInt()
  @Min(1)
  @Max(1000000)
  TOKEN_RATE_LIMIT_PER_MINUTE = 20;

  /**
   * How long an access token traded on contentjet's renewal paths still
   * answers API calls: contentjet-ui's requests in flight carry it.
   */
  @IsOptional()
  @toInt
  @IsInt()
  @Min(0)
  @Max(30)
  RENEWAL_GRACE_SECONDS = 30;

  /** Fractions are allowed (0.5 is 12 hours), so tests can watch a token expire. */
  @IsOptional()
  @toDecimal
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.00001)
  @Max(3650)
  SYNC_RETENTION_DAYS = 30;

  @IsOptional()
  @IsTrustProxy()
  TRUST_PROXY?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGIN = '*';

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IsOptional()
  @IsIn(['on', 'off'])
  METRICS: 'on' | 'off' = 'off';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'METRICS_TOKEN must be at least 32 characters' })
  METRICS_TOKEN?: string;

  @IsOptional()
  @IsIn(['on', 'off'])
  ADMIN_UI: 'on' | 'off' = 'on';

  /** Largest upload accepted, bytes (50 MiB); beyond it a 413 and nothing stored. */
  @IsOptional()
  @toInt
  @IsInt()
  @Min(1)
  @Max(10 * 1024 ** 3)
  MEDIA_MAX_BYTES = 52_428_800;

  /**
   * MIME types an upload may have, as sniffed from its bytes: exact types
   * (`application/pdf`) or families (`image/*`), comma-separated.
   */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9.+-]+\/(\*|[a-z0-9.+-]+)(\s*,\s*[a-z0-9.+-]+\/(\*|[a-z0-9.+-]+))*$/, {
    message:
      'MEDIA_ALLOWED_TYPES must be a comma-separated list of MIME types or families (image/*)',
  })
  MEDIA_ALLOWED_TYPES = 'image/*,application/pdf,audio/*,video/*,text/plain,text/markdown,text/csv';

  /** The widths and heights a rendition may ask for, comma-separated pixels (each 1–4096). */
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,4}(\s*,\s*\d{1,4})*$/, {
    message: 'MEDIA_RENDITION_SIZES must be a comma-separated list of pixel sizes (1-4096)',
  })
  MEDIA_RENDITION_SIZES = DEFAULT_RENDITION_SIZES;

  /** Minutes between sweeps of stored files that no media row owns (0: never). */
  @IsOptional()
  @toInt
  @IsInt()
  @Min(0)
  @Max(10080)
  MEDIA_SWEEP_MINUTES = 60;

  /** Set, media is kept in this S3 bucket instead of DATA_DIR/media. */
  @IsOptional()
  @IsString()
  MEDIA_S3_BUCKET?: string;

  /** An S3-compatible endpoint (MinIO, R2, …); unset, AWS's for the region. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  MEDIA_S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  MEDIA_S3_REGION = 'us-east-1';

  /** Unset, the AWS SDK's default credential chain (environment, instance role). */
  @IsOptional()
  @IsString()
  MEDIA_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  MEDIA_S3_SECRET_ACCESS_KEY?: string;

  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible servers need. */
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  MEDIA_S3_FORCE_PATH_STYLE?: string;

  /** A key prefix inside the bucket, so one bucket can hold several installs. */
  @IsOptional()
  @IsString()
  MEDIA_S3_PREFIX?: string;

  /** `off`: this instance queues jobs (web hooks, scheduled publishing) but never runs them. */
  @IsOptional()
  @IsIn(['on', 'off'])
  JOBS_WORKERS: 'on' | 'off' = 'on';

  /** Seconds between a job worker's polls for due jobs (woken at once for this instance's own writes). */
  @IsOptional()
  @toDecimal
  @IsNumber()
  @Min(0.5)
  @Max(60)
  JOBS_POLL_SECONDS = 1;

  /** Seals web hook signing secrets; unset, a key derived from JWT_SECRET. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'WEBHOOK_KEY must be at least 32 characters' })
  WEBHOOK_KEY?: string;

  /** `1`: web hooks may target loopback, private and link-local addresses (local receivers, tests). */
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  WEBHOOK_ALLOW_PRIVATE?: string;

  /** Seconds a receiver has to answer one delivery attempt. */
  @IsOptional()
  @toDecimal
  @IsNumber()
  @Min(0.1)
  @Max(60)
  WEBHOOK_TIMEOUT_SECONDS = 10;

  /** Seconds before each retry of a failed delivery, comma-separated; after the last, it gives up. */
  @IsOptional()
  @IsString()
  @Matches(/^\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*$/, {
    message: 'WEBHOOK_RETRY_SECONDS must be a comma-separated list of seconds (30,120,600)',
  })
  WEBHOOK_RETRY_SECONDS = '30,120,600,3600,21600';

  /** Where mail goes: `smtp://user:pass@host:587` or `smtps://…`; unset, to the log and `DATA_DIR/outbox`. */
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL?: string;

  /** The From of every mail: an address, or `Name <address>`. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Tessera <tessera@localhost>';

  /** The admin UI the mailed links open; unset, `PUBLIC_URL/admin` (a contentjet-ui deployment: its origin). */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  ADMIN_URL?: string;

  /** Seconds before a refused or failed mail is tried again; each later retry waits about twice as long. */
  @IsOptional()
  @toDecimal
  @IsNumber()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_SECONDS = 30;

  /** Who may sign up: `invite` (with an invitation only), `open` (anyone), `off`. */
  @IsOptional()
  @IsIn(['invite', 'open', 'off'])
  SIGNUP: 'invite' | 'open' | 'off' = 'invite';
}

/**
 * TRUST_PROXY: how many proxies in front set X-Forwarded-For (`1`, `2`), or
 * which ones do (a comma-separated list of addresses and CIDRs). "Trust every
 * hop" is refused: then the leftmost entry, which the caller writes, would be
 * taken as the client address and every limit keyed on it could be dodged.
 */
export function parseTrustProxy(value: string | undefined): false | number | string[] {
  if (value === undefined || value === '0') return false;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}

function isProxyAddress(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

function IsTrustProxy() {
  return ValidateBy({
    name: 'isTrustProxy',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const parsed = parseTrustProxy(value);
        return typeof parsed === 'number' || parsed === false || parsed.every(isProxyAddress);
      },
      defaultMessage: () =>
        'TRUST_PROXY must be a hop count (1, 2) or a comma-separated list of proxy addresses or CIDRs (10.0.0.0/8); "true" is refused, since trusting every hop lets a client choose its own address',
    },
  });
}

export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
}

/**
 * Validates the raw environment. Throws one line naming the first bad
 * variable, so a typo in deployment stops the process with a clear cause.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  // An empty line in .env or the shell means "use the default".
  const set = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== ''));
  const env = plainToInstance(EnvironmentVariables, set, { exposeDefaultValues: true });
  const [first] = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (first) {
    const constraints = first.constraints ?? {};
    // "missing" explains more than the checks that fail because it is missing.
    const reason = constraints.isDefined ?? Object.values(constraints)[0] ?? 'is invalid';
    const message = reason.startsWith(first.property) ? reason : `${first.property} ${reason}`;
    throw new InvalidConfigurationError(`Invalid configuration: ${message}`);
  }
  return env;
}
