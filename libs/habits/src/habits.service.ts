import { AppError, AuthUser } from '@app/common';
import type { LocalDate, PausePeriodSnapshot } from '@app/contracts';
import { HabitEntity } from '@app/database';
import {
  addDays,
  applyStatusChange,
  DomainError,
  isoWeekStart,
  type MeasureDefinition,
  type MeasureDefinitionInput,
  normalizeMeasureDefinition,
  normalizeSchedule,
  Schedule,
  ScheduleInput,
  UserStatus,
  validatePausePeriods,
  validateMeasureDefinition,
  validateSchedule,
} from '@app/domain';
import { UnitOfWork, WriteContext } from '@app/unit-of-work';
import { GoalProgressService } from '@app/goal-progress';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  CreateHabitDto,
  HabitDto,
  ListHabitsQueryDto,
  PausePeriodDto,
  ReorderHabitsDto,
  ReplaceHabitDto,
  toHabitDto,
  UpdateHabitDto,
} from './habit.dto';
import { HabitFreshnessService } from './habit-freshness.service';
import { RECENT_DAYS, recentDaysOf } from './habit-history.mapper';
import { HabitStatsService } from './habit-stats.service';
import { habitNotFound, HabitsRepository, HabitsWithRecordsQuery } from './habits.repository';

/** At most this many habits per user (SPEC.md §4 "Lists"). */
export const MAX_HABITS_PER_USER = 500;
/**
 * A habit may start at most this many days after the user's today: far enough to plan (next
 * month, the new year), near enough that a mistyped year (2030) is caught rather than hiding
 * the habit from Today for years.
 */
export const MAX_START_DAYS_AHEAD = 365;

/** 422 START_DATE_TOO_FAR when `startDate` is more than a year after `today`. */
function checkStartDate(startDate: string | undefined, today: string): void {
  const latest = addDays(today, MAX_START_DAYS_AHEAD);
  if (startDate !== undefined && startDate > latest) {
    const message = `The start date can be at most a year ahead (${latest}).`;
    throw AppError.unprocessable('START_DATE_TOO_FAR', message, {
      fields: [{ path: 'startDate', code: 'START_DATE_TOO_FAR', message }],
    });
  }
}

function checkedSchedule(input: ScheduleInput): Schedule {
  const errors = validateSchedule(input);
  if (errors.length > 0)
    throw new DomainError(errors[0].code, 'The schedule is not valid.', errors);
  return normalizeSchedule(input);
}

/** SPEC.md §6: a habit's kind, unit and target with the schedule it will have (400 otherwise). */
function checkedMeasure(input: MeasureDefinitionInput, schedule: ScheduleInput): MeasureDefinition {
  const errors = validateMeasureDefinition(input, schedule);
  if (errors.length > 0)
    throw new DomainError(errors[0].code, 'The kind, unit or target is not valid.', errors);
  return normalizeMeasureDefinition(input);
}

/** A definition as the habit's columns. */
function measureColumns(
  definition: MeasureDefinition,
): Pick<HabitEntity, 'kind' | 'unit' | 'targetType' | 'targetValue' | 'targetPeriod'> {
  return {
    kind: definition.kind,
    unit: definition.unit,
    targetType: definition.target?.type ?? null,
    targetValue: definition.target?.value ?? null,
    targetPeriod: definition.target?.period ?? null,
  };
}

/**
 * The kind, unit and target a PATCH asks for: a field left out keeps its value, except that a
 * habit turned into a check habit drops its unit and target.
 */
function patchedMeasure(habit: HabitEntity, dto: UpdateHabitDto): MeasureDefinitionInput {
  const kind = dto.kind ?? habit.kind;
  const keep = kind === habit.kind;
  const target =
    habit.targetType && habit.targetPeriod
      ? { type: habit.targetType, value: habit.targetValue, period: habit.targetPeriod }
      : null;
  return {
    kind,
    unit: dto.unit !== undefined ? dto.unit : keep ? habit.unit : null,
    target: dto.target !== undefined ? dto.target : keep ? target : null,
  };
}

function checkedPauses(pauses: PausePeriodDto[]): PausePeriodSnapshot[] {
  const { pauses: merged, errors } = validatePausePeriods(
    pauses.map((p) => ({ from: p.from, to: p.to ?? null })),
  );
  if (errors.length > 0)
    throw new DomainError(errors[0].code, 'The pause periods are not valid.', errors);
  return merged;
}

const userStatusOf = (habit: HabitEntity): UserStatus =>
  habit.status === 'at_risk' ? 'active' : habit.status;

const sameSchedule = (a: Schedule, b: Schedule): boolean =>
  a.frequency === b.frequency &&
  a.timesPerWeek === b.timesPerWeek &&
  a.intervalDays === b.intervalDays &&
  JSON.stringify(a.daysOfWeek) === JSON.stringify(b.daysOfWeek);

/**
 * The schedule a PATCH asks for: switching frequency clears the fields of the old one, and
 * giving one custom form (weekdays or interval) clears the other.
 */
function patchedSchedule(habit: HabitEntity, dto: UpdateHabitDto): ScheduleInput {
  const frequency = dto.frequency ?? habit.frequency;
  const keep = frequency === habit.frequency;
  const next: ScheduleInput = {
    frequency,
    timesPerWeek: keep ? habit.timesPerWeek : null,
    daysOfWeek: keep ? habit.daysOfWeek : null,
    intervalDays: keep ? habit.intervalDays : null,
  };
  if (dto.timesPerWeek !== undefined) next.timesPerWeek = dto.timesPerWeek;
  if (dto.daysOfWeek !== undefined) {
    next.daysOfWeek = dto.daysOfWeek;
    if (dto.intervalDays === undefined && dto.daysOfWeek !== null) next.intervalDays = null;
  }
  if (dto.intervalDays !== undefined) {
    next.intervalDays = dto.intervalDays;
    if (dto.daysOfWeek === undefined && dto.intervalDays !== null) next.daysOfWeek = null;
  }
  return next;
}

/** Habits CRUD (SPEC.md §3 "Schedules", "Pauses and status"); every write recomputes in its transaction. */
@Injectable()
export class HabitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly habits: HabitsRepository,
    private readonly stats: HabitStatsService,
    private readonly goals: GoalProgressService,
    private readonly freshness: HabitFreshnessService,
  ) {}

  create(user: AuthUser, dto: CreateHabitDto): Promise<HabitDto> {
    const schedule = checkedSchedule(dto);
    const measure = checkedMeasure(dto, schedule);
    const requestedPauses = dto.pausePeriods ? checkedPauses(dto.pausePeriods) : [];
    // The UnitOfWork holds the user's row lock: concurrent creates cannot both pass the cap.
    return this.uow.run(user, async (manager, ctx) => {
      if ((await this.habits.count(manager, user.id)) >= MAX_HABITS_PER_USER) {
        throw AppError.unprocessable(
          'HABIT_LIMIT_REACHED',
          `A user can have at most ${MAX_HABITS_PER_USER} habits.`,
        );
      }
      checkStartDate(dto.startDate, ctx.today);
      const status = dto.status ?? 'active';
      const startDate = dto.startDate ?? ctx.today;
      const pauses =
        status === 'active'
          ? requestedPauses
          : applyStatusChange(requestedPauses, 'active', status, ctx.today);
      const habit = await this.habits.insert(manager, {
        userId: user.id,
        name: dto.name.trim() || dto.name,
        description: dto.description ?? null,
        ...schedule,
        ...measureColumns(measure),
        startDate,
        createdOn: ctx.today,
        difficulty: dto.difficulty ?? 'medium',
        priority: dto.priority ?? 'medium',
        status,
        color: dto.color ?? 'green',
        icon: dto.icon ?? null,
        externalId: null,
        position: await this.habits.nextPosition(manager, user.id),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      // The first schedule version is anchored at the start date and also covers days before it.
      await this.habits.saveScheduleVersion(manager, habit.id, startDate, schedule);
      if (pauses.length > 0) await this.habits.replacePauses(manager, habit.id, pauses);
      return this.recompute(manager, ctx, habit);
    });
  }

  async list(user: AuthUser, query: ListHabitsQueryDto): Promise<HabitDto[]> {
    const today = await this.freshness.ensureFresh(user);
    return this.readDtos(user, today, { status: query.status, limit: MAX_HABITS_PER_USER });
  }

  async get(user: AuthUser, habitId: string): Promise<HabitDto> {
    const today = await this.freshness.ensureFresh(user);
    const [dto] = await this.readDtos(user, today, { habitId, limit: 1 });
    if (!dto) throw habitNotFound();
    return dto;
  }

  /**
   * Moves the listed habits into the given order among the places they hold (the others keep
   * theirs); answers the user's whole list in its new order. 404 if an id is not the user's.
   */
  async reorder(user: AuthUser, dto: ReorderHabitsDto): Promise<HabitDto[]> {
    const ids = dto.habitIds.map((id) => id.toLowerCase());
    await this.uow.run(user, async (manager, ctx) => {
      const owned = await this.habits.reorder(manager, user.id, ids, ctx.now);
      if (owned !== ids.length) throw habitNotFound();
    });
    return this.list(user, {});
  }

  /**
   * Stored habits as responses, in one statement: the rows with their pauses and the logs their
   * `recentDays` need (from the ISO Monday before the first of them: a weekly habit's day
   * depends on its week), no other log.
   */
  private async readDtos(
    user: AuthUser,
    today: LocalDate,
    which: Pick<HabitsWithRecordsQuery, 'status' | 'habitId' | 'limit'>,
  ): Promise<HabitDto[]> {
    const habits = await this.uow.read((manager) =>
      this.habits.listWithRecords(manager, user.id, {
        ...which,
        from: isoWeekStart(addDays(today, -(RECENT_DAYS - 1))),
        // A weekly habit's day is judged by its ISO week, a measurable habit's by its month.
        measureFrom: `${isoWeekStart(addDays(today, -(RECENT_DAYS - 1))).slice(0, 8)}01`,
        to: today,
        today,
      }),
    );
    return habits.map(({ habit, records }) =>
      toHabitDto(habit, records.pauses, records.todayLog, recentDaysOf(habit, records, today)),
    );
  }

  /** PUT: name, description, schedule, start date, difficulty and priority as given (defaults for the omitted); status and pauses only when present. */
  replace(user: AuthUser, habitId: string, dto: ReplaceHabitDto): Promise<HabitDto> {
    return this.edit(user, habitId, {
      name: dto.name,
      description: dto.description ?? null,
      frequency: dto.frequency,
      timesPerWeek: dto.timesPerWeek ?? null,
      daysOfWeek: dto.daysOfWeek ?? null,
      intervalDays: dto.intervalDays ?? null,
      startDate: dto.startDate,
      difficulty: dto.difficulty ?? 'medium',
      priority: dto.priority ?? 'medium',
      color: dto.color ?? 'green',
      icon: dto.icon ?? null,
      status: dto.status,
      pausePeriods: dto.pausePeriods,
      kind: dto.kind ?? 'check',
      unit: dto.unit ?? null,
      target: dto.target ?? null,
    });
  }

  update(user: AuthUser, habitId: string, dto: UpdateHabitDto): Promise<HabitDto> {
    return this.edit(user, habitId, dto);
  }

  remove(user: AuthUser, habitId: string): Promise<void> {
    return this.uow.run(user, async (manager, ctx) => {
      const habit = await this.habits.lockOwned(manager, user.id, habitId);
      const goalIds = await this.goals.goalIdsLinkedTo(manager, [habit.id]);
      await this.habits.delete(manager, habit.id);
      await this.goals.refresh(manager, ctx, goalIds);
    });
  }

  /**
   * A PATCH decided inside the write's transaction: the habit is locked, `decide` computes the
   * change from fresh data (or throws), and the change is applied exactly as `update` would
   * (used to apply a suggestion atomically).
   */
  updateWith(
    user: AuthUser,
    habitId: string,
    decide: (
      manager: EntityManager,
      ctx: WriteContext,
      habit: HabitEntity,
    ) => Promise<UpdateHabitDto>,
  ): Promise<HabitDto> {
    return this.uow.run(user, async (manager, ctx) => {
      const habit = await this.habits.lockOwned(manager, user.id, habitId);
      const dto = await decide(manager, ctx, habit);
      const requestedPauses = dto.pausePeriods ? checkedPauses(dto.pausePeriods) : undefined;
      return this.applyPatch(manager, ctx, habit, dto, requestedPauses);
    });
  }

  private edit(user: AuthUser, habitId: string, dto: UpdateHabitDto): Promise<HabitDto> {
    const requestedPauses = dto.pausePeriods ? checkedPauses(dto.pausePeriods) : undefined;
    return this.uow.run(user, async (manager, ctx) => {
      const habit = await this.habits.lockOwned(manager, user.id, habitId);
      return this.applyPatch(manager, ctx, habit, dto, requestedPauses);
    });
  }

  /** The body of a PATCH/PUT on a locked habit, inside the caller's transaction. */
  private async applyPatch(
    manager: EntityManager,
    ctx: WriteContext,
    habit: HabitEntity,
    dto: UpdateHabitDto,
    requestedPauses: PausePeriodSnapshot[] | undefined,
  ): Promise<HabitDto> {
    const current: Schedule = {
      frequency: habit.frequency,
      timesPerWeek: habit.timesPerWeek,
      daysOfWeek: habit.daysOfWeek,
      intervalDays: habit.intervalDays,
    };
    const schedule = checkedSchedule(patchedSchedule(habit, dto));
    const measure = checkedMeasure(patchedMeasure(habit, dto), schedule);
    const wasMeasurable = habit.kind === 'measure';
    if (measure.kind !== habit.kind && (await this.habits.earliestLogDate(manager, habit.id))) {
      throw AppError.unprocessable(
        'HABIT_KIND_LOCKED',
        'A habit with logs keeps its kind: create a new habit instead.',
      );
    }
    if (!sameSchedule(schedule, current)) {
      // Takes effect today, so past days keep the schedule they were judged by.
      const first = (await this.habits.firstScheduleDate(manager, habit.id)) ?? habit.startDate;
      await this.habits.saveScheduleVersion(
        manager,
        habit.id,
        first > ctx.today ? first : ctx.today,
        schedule,
      );
    }
    checkStartDate(dto.startDate, ctx.today);
    if (dto.startDate !== undefined && dto.startDate > habit.startDate) {
      const firstLog = await this.habits.earliestLogDate(manager, habit.id);
      if (firstLog !== null && dto.startDate > firstLog) {
        throw AppError.unprocessable(
          'START_DATE_AFTER_FIRST_LOG',
          `The start date cannot move past the first log (${firstLog}).`,
        );
      }
    }
    let pauses = requestedPauses;
    const currentStatus = userStatusOf(habit);
    const status = dto.status ?? currentStatus;
    if (status !== currentStatus) {
      const base = pauses ?? (await this.habits.pausesOf(manager, [habit.id])).get(habit.id) ?? [];
      pauses = applyStatusChange(base, currentStatus, status, ctx.today);
    }
    Object.assign(habit, {
      ...schedule,
      ...measureColumns(measure),
      name: dto.name ?? habit.name,
      description: dto.description === undefined ? habit.description : dto.description,
      startDate: dto.startDate ?? habit.startDate,
      difficulty: dto.difficulty ?? habit.difficulty,
      priority: dto.priority ?? habit.priority,
      color: dto.color ?? habit.color,
      icon: dto.icon === undefined ? habit.icon : dto.icon,
      status: status === currentStatus ? habit.status : status,
    });
    await this.habits.update(manager, habit.id, {
      name: habit.name,
      description: habit.description,
      frequency: habit.frequency,
      timesPerWeek: habit.timesPerWeek,
      daysOfWeek: habit.daysOfWeek,
      intervalDays: habit.intervalDays,
      startDate: habit.startDate,
      difficulty: habit.difficulty,
      priority: habit.priority,
      color: habit.color,
      icon: habit.icon,
      status: habit.status,
      kind: habit.kind,
      unit: habit.unit,
      targetType: habit.targetType,
      targetValue: habit.targetValue,
      targetPeriod: habit.targetPeriod,
    });
    if (pauses !== undefined) await this.habits.replacePauses(manager, habit.id, pauses);
    const result = await this.recompute(manager, ctx, habit);
    // A measurable habit's completions (met periods) move with its target, start and pauses.
    if (wasMeasurable || habit.kind === 'measure')
      await this.goals.refreshLinkedTo(manager, ctx, [habit.id]);
    return result;
  }

  private async recompute(
    manager: EntityManager,
    ctx: WriteContext,
    habit: HabitEntity,
  ): Promise<HabitDto> {
    const recomputed = await this.stats.recompute(manager, ctx, [habit]);
    this.stats.recordTransitions(ctx, recomputed.values());
    return recomputed.get(habit.id)!.dto;
  }
}
