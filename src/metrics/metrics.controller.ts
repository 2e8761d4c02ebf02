import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/access';
import { ApiError, NotFoundError } from '../common/api-error';
import { appConfig, AppConfig } from '../config/configuration';
import { MetricsService } from './metrics.service';

const digest = (text: string) => createHash('sha256').update(text).digest();

@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics (METRICS=on; with METRICS_TOKEN set, bearer only)',
  })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'Prometheus text exposition format' })
  @ApiResponse({ status: 401, description: 'METRICS_TOKEN is set and was not sent' })
  @ApiResponse({ status: 404, description: 'Metrics are off' })
  read(@Headers('authorization') authorization: string | undefined): Promise<string> {
    const { enabled, token } = this.config.metrics;
    if (!enabled) throw new NotFoundError('Metrics are off');
    if (token !== null && !bearerMatches(authorization, token)) {
      throw new ApiError(401, 'The metrics token is missing or wrong', {
        headers: { 'www-authenticate': 'Bearer realm="metrics"' },
      });
    }
    return this.metrics.metrics();
  }
}

/** Constant-time: digests of equal length, whatever was sent. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const sent = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(sent), digest(token));
}
