import { AuthUser, CurrentUser, ParseIdPipe } from '@app/common';
import {
  CreateHabitDto,
  HabitDto,
  HabitsService,
  ListHabitsQueryDto,
  ReorderHabitsDto,
  ReplaceHabitDto,
  UpdateHabitDto,
} from '@app/habits';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

@ApiTags('habits')
@ApiBearerAuth('bearer')
@Controller('habits')
export class HabitsController {
  constructor(private readonly habits: HabitsService) {}

  /** Creates a habit with its schedule, pauses and status. */
  @Post()
  @ApiCreatedResponse({ type: HabitDto })
  @ApiUnprocessableEntityResponse({
    description: 'HABIT_LIMIT_REACHED (500 habits), START_DATE_TOO_FAR (over a year ahead).',
  })
  createHabit(@CurrentUser() user: AuthUser, @Body() dto: CreateHabitDto): Promise<HabitDto> {
    return this.habits.create(user, dto);
  }

  /** The user's habits (at most 500), statistics as of their today. */
  @Get()
  @ApiOkResponse({ type: [HabitDto] })
  listHabits(
    @CurrentUser() user: AuthUser,
    @Query() query: ListHabitsQueryDto,
  ): Promise<HabitDto[]> {
    return this.habits.list(user, query);
  }

  /**
   * Puts the listed habits in this order among the places they hold (the others keep theirs);
   * answers the whole list in its new order.
   */
  @Put('order')
  @ApiOkResponse({ type: [HabitDto] })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND (an id is not one of the user’s habits)' })
  reorderHabits(@CurrentUser() user: AuthUser, @Body() dto: ReorderHabitsDto): Promise<HabitDto[]> {
    return this.habits.reorder(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: HabitDto })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  getHabit(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<HabitDto> {
    return this.habits.get(user, id);
  }

  /** Replaces the habit's fields; a schedule change takes effect on the user's today. */
  @Put(':id')
  @ApiOkResponse({ type: HabitDto })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'START_DATE_AFTER_FIRST_LOG, START_DATE_TOO_FAR' })
  replaceHabit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReplaceHabitDto,
  ): Promise<HabitDto> {
    return this.habits.replace(user, id, dto);
  }

  /** Changes some fields: schedule (from today), start date, pauses, status (active/paused/archived). */
  @Patch(':id')
  @ApiOkResponse({ type: HabitDto })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'START_DATE_AFTER_FIRST_LOG, START_DATE_TOO_FAR' })
  updateHabit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateHabitDto,
  ): Promise<HabitDto> {
    return this.habits.update(user, id, dto);
  }

  /** Deletes the habit, its logs and its goal links (linked goals are recomputed). */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND' })
  deleteHabit(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.habits.remove(user, id);
  }
}
