import { AnalyticsModule } from '@app/analytics';
import { SuggestionsModule } from '@app/suggestions';
import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics/analytics.controller';
import { SuggestionsController } from './suggestions/suggestions.controller';

/** The HTTP edge of analytics and suggestions over their feature modules. */
@Module({
  imports: [AnalyticsModule, SuggestionsModule],
  controllers: [AnalyticsController, SuggestionsController],
})
export class InsightsModule {}
