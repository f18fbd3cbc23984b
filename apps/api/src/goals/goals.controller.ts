import { AuthUser, CurrentUser, ParseIdPipe } from '@app/common';
import { CreateGoalDto, GoalDto, GoalsService, ReplaceGoalDto, UpdateGoalDto } from '@app/goals';
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

@ApiTags('goals')
@ApiBearerAuth('bearer')
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  /** Creates a goal; linked habits' done logs from its start date count at once. */
  @Post()
  @ApiCreatedResponse({ type: GoalDto })
  @ApiNotFoundResponse({ description: 'HABIT_NOT_FOUND (a linked habit)' })
  @ApiUnprocessableEntityResponse({
    description: 'GOAL_LIMIT_REACHED (200 goals), GOAL_DEADLINE_BEFORE_START.',
  })
  createGoal(@CurrentUser() user: AuthUser, @Body() dto: CreateGoalDto): Promise<GoalDto> {
    return this.goals.create(user, dto);
  }

  /** The user's goals (at most 200). */
  @Get()
  @ApiOkResponse({ type: [GoalDto] })
  listGoals(@CurrentUser() user: AuthUser): Promise<GoalDto[]> {
    return this.goals.list(user);
  }

  @Get(':id')
  @ApiOkResponse({ type: GoalDto })
  @ApiNotFoundResponse({ description: 'GOAL_NOT_FOUND' })
  getGoal(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<GoalDto> {
    return this.goals.get(user, id);
  }

  /** Replaces the goal; `habits`, when present, is the full set of links. */
  @Put(':id')
  @ApiOkResponse({ type: GoalDto })
  @ApiNotFoundResponse({ description: 'GOAL_NOT_FOUND, HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'GOAL_DEADLINE_BEFORE_START' })
  replaceGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: ReplaceGoalDto,
  ): Promise<GoalDto> {
    return this.goals.replace(user, id, dto);
  }

  /** Changes some fields; `habits`, when present, is the full set (listed links without a weight keep theirs). */
  @Patch(':id')
  @ApiOkResponse({ type: GoalDto })
  @ApiNotFoundResponse({ description: 'GOAL_NOT_FOUND, HABIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'GOAL_DEADLINE_BEFORE_START' })
  updateGoal(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() dto: UpdateGoalDto,
  ): Promise<GoalDto> {
    return this.goals.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'GOAL_NOT_FOUND' })
  deleteGoal(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    return this.goals.remove(user, id);
  }
}
