import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { TokensModule } from '../tokens/tokens.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [ContentModule, TokensModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
