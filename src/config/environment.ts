import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/** Turns '' into undefined so an empty line in .env means "use the default". */
const emptyAsUnset = Transform(({ value }: { value: unknown }) =>
  value === '' ? undefined : value,
);
const toInt = Transform(({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
});

/**
 * Every environment variable Tessera reads, validated once at boot.
 * Each one is documented in `.env.example` and the README.
 */
export class EnvironmentVariables {
  @IsOptional()
  @emptyAsUnset
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  @IsOptional()
  @toInt
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @emptyAsUnset
  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @emptyAsUnset
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @emptyAsUnset
  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @emptyAsUnset
  @IsIn(['0', '1', 'true', 'false'])
  DB_SKIP_MIGRATIONS?: string;

  @ValidateIf(
    (env: EnvironmentVariables) => env.NODE_ENV === 'production' || env.JWT_SECRET !== undefined,
  )
  @emptyAsUnset
  @IsString({ message: 'JWT_SECRET is required when NODE_ENV=production' })
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
  @emptyAsUnset
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsOptional()
  @emptyAsUnset
  @IsString()
  CORS_ORIGIN = '*';

  @IsOptional()
  @emptyAsUnset
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';
}

export class InvalidConfigurationError extends Error {
  override readonly name = 'InvalidConfigurationError';
}

/**
 * Validates the raw environment. Throws one line naming the first bad
 * variable, so a typo in deployment stops the process with a clear cause.
 */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  const [first] = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const message = reason.startsWith(first.property) ? reason : `${first.property} ${reason}`;
    throw new InvalidConfigurationError(`Invalid configuration: ${message}`);
  }
  return env;
}
