import { HabitsModule } from '@app/habits';
import { Module } from '@nestjs/common';
import { SuggestionDismissalsRepository } from './suggestion-dismissals.repository';
import { SuggestionsService } from './suggestions.service';

@Module({
  imports: [HabitsModule],
  providers: [SuggestionDismissalsRepository, SuggestionsService],
  exports: [SuggestionsService],
})
export class SuggestionsModule {}
