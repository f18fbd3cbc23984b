import { AuthUser, CurrentUser, ParseIdPipe } from '@app/common';
import { HabitDto } from '@app/habits';
import {
  RiskReportDto,
  SuggestionDto,
  SuggestionsService,
  SuggestionTypeBodyDto,
} from '@app/suggestions';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('suggestions')
@ApiBearerAuth('bearer')
@Controller('suggestions')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  /** The suggestions that hold for the habit today (dismissed types left out for 30 days). */
  @Get('habits/:id/adaptive')
  @ApiOkResponse({ type: [SuggestionDto] })
  @ApiBadRequestResponse({ description: 'INVALID_ID' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getAdaptiveSuggestions(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<SuggestionDto[]> {
    return this.suggestions.adaptive(user, id);
  }

  /** Re-evaluates the suggestion and applies its change to the habit (a schedule change takes effect today). */
  @Post('habits/:id/apply')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: HabitDto, description: 'The habit after the change.' })
  @ApiBadRequestResponse({ description: 'INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'SUGGESTION_STALE (it no longer holds), SUGGESTION_DISMISSED',
  })
  @ApiUnprocessableEntityResponse({
    description: 'SUGGESTION_NOT_APPLICABLE (advice only, no change)',
  })
  applySuggestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SuggestionTypeBodyDto,
  ): Promise<HabitDto> {
    return this.suggestions.apply(user, id, body);
  }

  /** Hides the suggestion type for this habit for 30 days. */
  @Post('habits/:id/dismiss')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ description: 'INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  dismissSuggestion(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SuggestionTypeBodyDto,
  ): Promise<void> {
    return this.suggestions.dismiss(user, id, body);
  }

  /** Runs the risk rules for the caller now and lists the habits at risk. */
  @Post('detect-risks')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: RiskReportDto })
  detectRisks(@CurrentUser() user: AuthUser): Promise<RiskReportDto> {
    return this.suggestions.detectRisks(user);
  }
}
