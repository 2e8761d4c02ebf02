import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  imports: [ContentModule],
  controllers: [MetricsController],
  providers: [MetricsService],
})
export class MetricsModule {}
