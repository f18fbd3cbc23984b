// In-memory stand-ins for the repositories and the unit of work, so the services that hold the
// rules run in the unit project with no database: each fake keeps its rows in plain maps and
// answers exactly what the real repository's method promises (the HTTP suites check the SQL).
import { AppError, AuthUser, Clock } from '@app/common';
import type { LocalDate, PausePeriodSnapshot } from '@app/contracts';
import { GoalEntity, GoalHabitEntity, HabitEntity, HabitLogEntity } from '@app/database';
import {
  addDays,
  userDayOf,
  type HabitHistory,
  type Schedule,
  type ScheduleVersion,
} from '@app/domain';
import {
  GoalContribution,
  GoalProgressRepository,
  GoalProgressRow,
  GoalProgressService,
} from '@app/goal-progress';
import type {
  GoalChanges,
  GoalLink,
  GoalsRepository,
  NewGoal,
} from '../../../libs/goals/src/goals.repository';
import type {
  HabitLogsRepository,
  LogWrite,
  StoredLog,
} from '../../../libs/habit-logs/src/habit-logs.repository';
import {
  HabitFreshnessService,
  HabitRecords,
  HabitsWithRecordsQuery,
  HabitsRepository,
  HabitStatsService,
  habitNotFound,
  RECENT_DAYS,
  StoredStats,
} from '@app/habits';
import type { HabitChanges, NewHabit } from '../../../libs/habits/src/habits.repository';
import { DeferredWrites, EventBuffer, UnitOfWork, WriteContext, Writer } from '@app/unit-of-work';
import type { ServerEventType } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import type { IdempotencyKeysRepository } from '../../../libs/habit-logs/src/idempotency-keys.repository';

/** 'resolved', or the code of the AppError the promise failed with. */
export const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: AppError) => error.code,
  );

/** The manager the fakes are handed: they never touch it. */
export const manager = {} as EntityManager;

export class FixedClock extends Clock {
  constructor(public instant: Date) {
    super();
  }
  now(): Date {
    return this.instant;
  }
}

export function userOf(overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'ada@example.com',
    fullName: null,
    isActive: true,
    timezone: 'UTC',
    dayStartHour: 0,
    nudgeHour: 19,
    emailNudges: false,
    emailVerifiedAt: null,
    isAdmin: false,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  };
}

let counter = 0;
/** Ids that sort in creation order, like the tests expect of uuids they compare. */
export const nextId = (): string =>
  `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

/** The rows of every table the fakes share. */
export class Tables {
  habits = new Map<string, HabitEntity>();
  schedules: (ScheduleVersion & { habitId: string })[] = [];
  pauses = new Map<string, PausePeriodSnapshot[]>();
  logs: HabitLogEntity[] = [];
  goals = new Map<string, GoalEntity>();
  links: GoalHabitEntity[] = [];
}

/** Runs the work at once on the fake manager and keeps the events each write recorded. */
export class FakeUnitOfWork {
  readonly events: { userId: string; type: ServerEventType; payload: unknown }[] = [];
  writes = 0;

  constructor(private readonly clock: Clock) {}

  todayOf(user: Pick<Writer, 'timezone' | 'dayStartHour'>, now = this.clock.now()): LocalDate {
    return userDayOf(now, user.timezone, user.dayStartHour);
  }

  async run<T>(
    user: Writer,
    work: (m: EntityManager, ctx: WriteContext) => Promise<T>,
  ): Promise<T> {
    const now = this.clock.now();
    const ctx: WriteContext = {
      user,
      today: this.todayOf(user, now),
      now,
      events: new EventBuffer(),
      deferred: new DeferredWrites(),
    };
    const result = await work(manager, ctx);
    // The fakes' deferred writes carry the change they stand for.
    for (const write of ctx.deferred.drain()) (write as { apply?: () => void }).apply?.();
    this.writes++;
    for (const [userId, events] of ctx.events.drain())
      for (const e of events) this.events.push({ userId, type: e.type, payload: e.payload });
    return result;
  }

  read<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return work(manager);
  }

  eventTypes(): ServerEventType[] {
    return this.events.map((e) => e.type);
  }
}

const copy = <T extends object>(row: T): T =>
  Object.assign(Object.create(Object.getPrototypeOf(row)), row);

export class FakeHabitsRepository {
  constructor(private readonly t: Tables) {}

  async lockOwnedWithRecords(m: EntityManager, userId: string, habitId: string, today: LocalDate) {
    const habit = await this.lockOwned(m, userId, habitId);
    return { habit, records: (await this.recordsOf(m, [habitId], today)).get(habitId)! };
  }
  async lockOwned(_m: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    return this.findOwned(_m, userId, habitId);
  }
  async findOwned(_m: EntityManager, userId: string, habitId: string): Promise<HabitEntity> {
    const habit = this.t.habits.get(habitId);
    if (!habit || habit.userId !== userId) throw habitNotFound();
    return copy(habit);
  }
  async lockAllOfUser(_m: EntityManager, userId: string): Promise<HabitEntity[]> {
    return [...this.t.habits.values()]
      .filter((h) => h.userId === userId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(copy);
  }
  async list(_m: EntityManager, userId: string, status: string | undefined, limit: number) {
    return [...this.t.habits.values()]
      .filter((h) => h.userId === userId && (status === undefined || h.status === status))
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map(copy);
  }
  async listWithRecords(m: EntityManager, userId: string, query: HabitsWithRecordsQuery) {
    const habits = (await this.list(m, userId, query.status, query.limit)).filter(
      (h) => query.habitId === undefined || h.id === query.habitId,
    );
    const records = await this.recordsBetween(
      m,
      habits.map((h) => h.id),
      query.from,
      query.to,
      query.today,
    );
    return habits.map((habit) => ({ habit, records: records.get(habit.id)! }));
  }
  async count(_m: EntityManager, userId: string): Promise<number> {
    return [...this.t.habits.values()].filter((h) => h.userId === userId).length;
  }
  async nextPosition(_m: EntityManager, userId: string): Promise<number> {
    const mine = [...this.t.habits.values()].filter((h) => h.userId === userId);
    return Math.max(0, ...mine.map((h) => h.position)) + 1;
  }
  async insert(_m: EntityManager, habit: NewHabit): Promise<HabitEntity> {
    const row = Object.assign(new HabitEntity(), {
      ...habit,
      id: nextId(),
      version: 1,
      currentStreak: 0,
      longestStreak: 0,
      totalCompletions: 0,
      totalSkips: 0,
      consistencyScore: null,
      failureRate: null,
      strength: 0,
      consecutiveMisses: 0,
      lastCompletedDate: null,
      suggestedFrequency: null,
      lastRiskAlertDate: null,
      statsAsOf: null,
      nextDueDate: null,
      dueToday: false,
      weekDone: null,
      weekQuota: null,
    });
    this.t.habits.set(row.id, row);
    return copy(row);
  }
  async update(_m: EntityManager, habitId: string, changes: HabitChanges): Promise<void> {
    Object.assign(this.t.habits.get(habitId)!, changes);
  }
  async delete(_m: EntityManager, habitId: string): Promise<void> {
    this.t.habits.delete(habitId);
    this.t.logs = this.t.logs.filter((l) => l.habitId !== habitId);
    this.t.links = this.t.links.filter((l) => l.habitId !== habitId);
  }
  async writeStats(_m: EntityManager, rows: { id: string; stats: StoredStats }[], now: Date) {
    const result = new Map<string, { version: number; updatedAt: Date }>();
    for (const { id, stats } of rows) {
      const habit = this.t.habits.get(id);
      if (!habit) continue;
      Object.assign(habit, stats, { version: habit.version + 1, updatedAt: now });
      result.set(id, { version: habit.version, updatedAt: now });
    }
    return result;
  }
  statsWrite(rows: { id: string; stats: StoredStats }[], now: Date) {
    return { sql: 'fake', params: [], apply: () => void this.writeStats(manager, rows, now) };
  }
  async anyStale(_m: EntityManager, userId: string, today: LocalDate): Promise<boolean> {
    return [...this.t.habits.values()].some((h) => h.userId === userId && h.statsAsOf !== today);
  }
  async ownedIds(_m: EntityManager, userId: string, habitIds: string[]): Promise<Set<string>> {
    return new Set(habitIds.filter((id) => this.t.habits.get(id)?.userId === userId));
  }
  async ownedKinds(_m: EntityManager, userId: string, habitIds: string[]) {
    return new Map(
      habitIds
        .map((id) => this.t.habits.get(id))
        .filter((h) => h?.userId === userId)
        .map((h) => [h!.id, h!.kind ?? 'check'] as const),
    );
  }
  async reorder(_m: EntityManager, userId: string, habitIds: string[], now: Date): Promise<number> {
    const owned = habitIds.map((id) => this.t.habits.get(id)).filter((h) => h?.userId === userId);
    const places = owned.map((h) => h!.position).sort((a, b) => a - b);
    owned.forEach((h, i) => {
      if (h!.position !== places[i])
        Object.assign(h!, { position: places[i], version: h!.version + 1, updatedAt: now });
    });
    return owned.length;
  }
  async pausesOf(_m: EntityManager, habitIds: string[]) {
    return new Map(habitIds.map((id) => [id, [...(this.t.pauses.get(id) ?? [])]]));
  }
  async replacePauses(_m: EntityManager, habitId: string, pauses: PausePeriodSnapshot[]) {
    this.t.pauses.set(
      habitId,
      [...pauses].sort((a, b) => (a.from < b.from ? -1 : 1)),
    );
  }
  async saveScheduleVersion(
    _m: EntityManager,
    habitId: string,
    effectiveFrom: LocalDate,
    schedule: Schedule,
  ) {
    this.t.schedules = this.t.schedules.filter(
      (s) => !(s.habitId === habitId && s.effectiveFrom === effectiveFrom),
    );
    this.t.schedules.push({ habitId, effectiveFrom, ...schedule });
  }
  async firstScheduleDate(_m: EntityManager, habitId: string): Promise<LocalDate | null> {
    const dates = this.t.schedules
      .filter((s) => s.habitId === habitId)
      .map((s) => s.effectiveFrom)
      .sort();
    return dates[0] ?? null;
  }
  async earliestLogDate(_m: EntityManager, habitId: string): Promise<LocalDate | null> {
    const dates = this.t.logs
      .filter((l) => l.habitId === habitId)
      .map((l) => l.logDate)
      .sort();
    return dates[0] ?? null;
  }
  recordsOf(_m: EntityManager, habitIds: string[], today: LocalDate) {
    return this.records(habitIds, today, null);
  }
  recordsBetween(
    _m: EntityManager,
    habitIds: string[],
    from: LocalDate,
    to: LocalDate,
    today: LocalDate,
  ) {
    return this.records(habitIds, today, { from, to });
  }
  private async records(
    habitIds: string[],
    today: LocalDate,
    range: { from: LocalDate; to: LocalDate } | null,
  ) {
    const result = new Map<string, HabitRecords>();
    const recentFrom = addDays(today, -(RECENT_DAYS - 1));
    for (const id of habitIds) {
      if (!this.t.habits.has(id)) continue; // as the real one: a deleted habit has no schedule
      const logs = this.t.logs
        .filter(
          (l) => l.habitId === id && (!range || (l.logDate >= range.from && l.logDate <= range.to)),
        )
        .sort((a, b) => (a.logDate < b.logDate ? -1 : 1));
      result.set(id, {
        schedules: this.t.schedules
          .filter((s) => s.habitId === id)
          .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))
          .map(({ habitId: _h, ...s }) => s),
        pauses: [...(this.t.pauses.get(id) ?? [])],
        logs: logs.map((l) => ({ date: l.logDate, status: l.status })),
        todayLog: logs.find((l) => l.logDate === today) ?? null,
        recentLogIds: new Map(
          logs
            .filter((l) => l.logDate >= recentFrom && l.logDate <= today)
            .map((l) => [l.logDate, l.id]),
        ),
        checkpoint: null,
      });
    }
    return result;
  }
}

export class FakeHabitLogsRepository {
  constructor(
    private readonly t: Tables,
    private readonly habits: FakeHabitsRepository,
    private readonly progress: FakeGoalProgressRepository,
  ) {}

  /** As the real one: the habit and goals as before the write, then the write. */
  private async lockedBefore(m: EntityManager, userId: string, habitId: string, today: LocalDate) {
    const habit = this.t.habits.get(habitId);
    if (!habit || habit.userId !== userId) return null;
    const { records } = await this.habits.lockOwnedWithRecords(m, userId, habitId, today);
    const goals = await this.progress.lockGoalsLinkedTo(m, [habitId]);
    const counts = await this.progress.contributions(
      m,
      goals.map((g) => g.id),
      today,
    );
    return {
      habit: copy(habit),
      records,
      goals: goals.map((goal) => ({ goal, contributions: counts.get(goal.id) ?? [] })),
    };
  }
  async lockHabitAndUpsert(
    m: EntityManager,
    userId: string,
    write: Omit<LogWrite, 'status'> & { status: LogWrite['status'] | null },
    today: LocalDate,
    now: Date,
  ) {
    const before = await this.lockedBefore(m, userId, write.habitId, today);
    if (!before) return { habit: null, records: null, goals: [], result: null };
    const { status } = write;
    const valid =
      write.logDate <= today &&
      write.logDate >= before.habit.startDate &&
      (before.habit.kind ?? 'check') === 'check' &&
      status !== null;
    return { ...before, result: valid ? await this.upsert(m, { ...write, status }, now) : null };
  }
  async lockHabitAndDelete(m: EntityManager, userId: string, logId: string, today: LocalDate) {
    const log = this.t.logs.find((l) => l.id === logId);
    const before = log ? await this.lockedBefore(m, userId, log.habitId, today) : null;
    if (!log || !before) return { habit: null, records: null, goals: [], result: null };
    return { ...before, result: await this.delete(m, log.habitId, logId) };
  }

  async upsert(
    _m: EntityManager,
    write: LogWrite,
    now: Date,
  ): Promise<{ log: StoredLog; inserted: boolean }> {
    const existing = this.t.logs.find(
      (l) => l.habitId === write.habitId && l.logDate === write.logDate,
    );
    if (existing) {
      Object.assign(existing, {
        status: write.status,
        notes: write.notes === undefined ? existing.notes : write.notes,
        updatedAt: now,
      });
      return { log: copy(existing), inserted: false };
    }
    const log = Object.assign(new HabitLogEntity(), {
      id: nextId(),
      habitId: write.habitId,
      logDate: write.logDate,
      status: write.status,
      notes: write.notes ?? null,
      createdAt: now,
      updatedAt: now,
    });
    this.t.logs.push(log);
    return { log: copy(log), inserted: true };
  }
  async between(_m: EntityManager, habitId: string, from: LocalDate, to: LocalDate) {
    return this.t.logs
      .filter((l) => l.habitId === habitId && l.logDate >= from && l.logDate <= to)
      .sort((a, b) => (a.logDate < b.logDate ? -1 : 1));
  }
  async delete(_m: EntityManager, habitId: string, logId: string): Promise<LocalDate | null> {
    const log = this.t.logs.find((l) => l.id === logId && l.habitId === habitId);
    this.t.logs = this.t.logs.filter((l) => l !== log);
    return log?.logDate ?? null;
  }
}

/** `Idempotency-Key`s in a map (expiry as the real one: 24 h from the first answer). */
export class FakeIdempotencyKeysRepository {
  readonly answers = new Map<string, { statusCode: number; body: unknown; expiresAt: number }>();
  async find(_m: EntityManager, userId: string, key: string, now: Date) {
    const answer = this.answers.get(`${userId} ${key}`);
    return answer && answer.expiresAt > now.getTime() ? answer : null;
  }
  async save(
    _m: EntityManager,
    userId: string,
    key: string,
    answer: { statusCode: number; body: unknown },
    now: Date,
  ) {
    this.answers.set(`${userId} ${key}`, { ...answer, expiresAt: now.getTime() + 86_400_000 });
  }
}

export class FakeGoalProgressRepository {
  constructor(private readonly t: Tables) {}

  async goalIdsLinkedTo(_m: EntityManager, habitIds: string[]): Promise<string[]> {
    return [
      ...new Set(this.t.links.filter((l) => habitIds.includes(l.habitId)).map((l) => l.goalId)),
    ].sort();
  }
  async goalIdsOfUser(_m: EntityManager, userId: string): Promise<string[]> {
    return [...this.t.goals.values()]
      .filter((g) => g.userId === userId)
      .map((g) => g.id)
      .sort();
  }
  async lockGoalsLinkedTo(m: EntityManager, habitIds: string[]): Promise<GoalEntity[]> {
    return this.lockGoals(m, await this.goalIdsLinkedTo(m, habitIds));
  }
  async lockGoals(_m: EntityManager, goalIds: string[]): Promise<GoalEntity[]> {
    return goalIds
      .filter((id) => this.t.goals.has(id))
      .sort()
      .map((id) => copy(this.t.goals.get(id)!));
  }
  async contributions(_m: EntityManager, goalIds: string[], asOf: LocalDate | null) {
    const result = new Map<string, GoalContribution[]>(goalIds.map((id) => [id, []]));
    for (const link of [...this.t.links].sort((a, b) => (a.habitId < b.habitId ? -1 : 1))) {
      const goal = this.t.goals.get(link.goalId);
      if (!goal || !result.has(goal.id)) continue;
      const to = asOf ?? goal.statsAsOf ?? goal.startDate;
      const counted = this.t.logs.filter(
        (l) => l.habitId === link.habitId && l.logDate >= goal.startDate && l.logDate <= to,
      );
      const kind = this.t.habits.get(link.habitId)?.kind ?? 'check';
      const amount =
        link.count === 'value'
          ? counted.reduce((sum, l) => sum + Math.round((l.value ?? 0) * 1000), 0) / 1000
          : kind === 'check'
            ? counted.filter((l) => l.status === 'done').length
            : null;
      result.get(goal.id)!.push({
        habitId: link.habitId,
        contributionWeight: link.contributionWeight,
        count: link.count ?? 'completions',
        amount,
      });
    }
    return result;
  }
  /** The in-memory tables keep no engine histories: measurable completions count 0 here. */
  async measureHistories() {
    return new Map<string, HabitHistory>();
  }
  async linksOf(_m: EntityManager, goalIds: string[]) {
    return new Map(
      goalIds.map((id) => [
        id,
        this.t.links
          .filter((l) => l.goalId === id)
          .sort((a, b) => (a.habitId < b.habitId ? -1 : 1)),
      ]),
    );
  }
  progressWrite(rows: GoalProgressRow[], today: LocalDate, now: Date) {
    return {
      sql: 'fake',
      params: [],
      apply: () => void this.writeProgress(manager, rows, today, now),
    };
  }
  async writeProgress(_m: EntityManager, rows: GoalProgressRow[], today: LocalDate, now: Date) {
    const versions = new Map<string, number>();
    for (const row of rows) {
      const goal = this.t.goals.get(row.id)!;
      Object.assign(goal, {
        currentValue: row.currentValue,
        isCompleted: row.isCompleted,
        completedAt: row.completedAt,
        statsAsOf: today,
        version: goal.version + 1,
        updatedAt: now,
      });
      versions.set(goal.id, goal.version);
    }
    return versions;
  }
  async page(_m: EntityManager, afterId: string, limit: number) {
    return [...this.t.goals.values()]
      .filter((g) => g.id > afterId)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
}

export class FakeGoalsRepository {
  constructor(private readonly t: Tables) {}

  /** As the real one: the fields present are set, the goal comes back with its counts. */
  async updateOwnedWithLinks(
    m: EntityManager,
    userId: string,
    goalId: string,
    changes: Partial<GoalChanges>,
    today: LocalDate,
  ) {
    const goal = this.t.goals.get(goalId);
    if (!goal || goal.userId !== userId) return null;
    const start = changes.startDate ?? goal.startDate;
    const deadline = changes.deadline === undefined ? goal.deadline : changes.deadline;
    if (deadline !== null && deadline < start) return null;
    for (const [key, value] of Object.entries(changes))
      if (value !== undefined) Object.assign(goal, { [key]: value });
    const progress = new FakeGoalProgressRepository(this.t);
    const counts = await progress.contributions(m, [goalId], today);
    return { goal: copy(goal), contributions: counts.get(goalId) ?? [] };
  }

  async count(_m: EntityManager, userId: string) {
    return [...this.t.goals.values()].filter((g) => g.userId === userId).length;
  }
  async insert(_m: EntityManager, goal: NewGoal): Promise<GoalEntity> {
    const row = Object.assign(new GoalEntity(), {
      ...goal,
      id: nextId(),
      currentValue: 0,
      isCompleted: false,
      completedAt: null,
      statsAsOf: null,
      version: 1,
    });
    this.t.goals.set(row.id, row);
    return copy(row);
  }
  async list(_m: EntityManager, userId: string, limit: number) {
    return [...this.t.goals.values()]
      .filter((g) => g.userId === userId)
      .slice(0, limit)
      .map(copy);
  }
  async findOwned(_m: EntityManager, userId: string, goalId: string) {
    const goal = this.t.goals.get(goalId);
    return goal && goal.userId === userId ? copy(goal) : null;
  }
  lockOwned(m: EntityManager, userId: string, goalId: string) {
    return this.findOwned(m, userId, goalId);
  }
  async update(_m: EntityManager, goalId: string, changes: GoalChanges) {
    Object.assign(this.t.goals.get(goalId)!, changes);
  }
  async deleteOwned(_m: EntityManager, userId: string, goalId: string) {
    if (this.t.goals.get(goalId)?.userId !== userId) return false;
    this.t.goals.delete(goalId);
    this.t.links = this.t.links.filter((l) => l.goalId !== goalId);
    return true;
  }
  async linksByHabit(_m: EntityManager, goalId: string) {
    return new Map(
      this.t.links
        .filter((l) => l.goalId === goalId)
        .map((l) => [
          l.habitId,
          { contributionWeight: l.contributionWeight, count: l.count ?? 'completions' },
        ]),
    );
  }
  async replaceLinks(m: EntityManager, goalId: string, links: GoalLink[]) {
    this.t.links = this.t.links.filter((l) => l.goalId !== goalId);
    await this.insertLinks(m, goalId, links);
  }
  async insertLinks(_m: EntityManager, goalId: string, links: GoalLink[]) {
    for (const l of links) {
      if (this.t.links.some((x) => x.goalId === goalId && x.habitId === l.habitId))
        throw AppError.conflict('DUPLICATE', 'unique (goal_id, habit_id)');
      this.t.links.push(Object.assign(new GoalHabitEntity(), { id: nextId(), goalId, ...l }));
    }
  }
}

/** The services that hold the rules, wired over the fakes as their modules wire them. */
export function inMemoryServices(clock: FixedClock) {
  const tables = new Tables();
  const uow = new FakeUnitOfWork(clock);
  const asUow = uow as unknown as UnitOfWork;
  const habitsRepo = new FakeHabitsRepository(tables);
  const habits = habitsRepo as unknown as HabitsRepository;
  const progressRepo = new FakeGoalProgressRepository(tables);
  const goalProgress = new GoalProgressService(progressRepo as unknown as GoalProgressRepository);
  const stats = new HabitStatsService(habits);
  const freshness = new HabitFreshnessService(asUow, habits, stats, goalProgress);
  return {
    tables,
    uow,
    asUow,
    habits,
    stats,
    goalProgress,
    freshness,
    logsRepo: new FakeHabitLogsRepository(
      tables,
      habitsRepo,
      progressRepo,
    ) as unknown as HabitLogsRepository,
    goalsRepo: new FakeGoalsRepository(tables) as unknown as GoalsRepository,
    idempotencyKeys: new FakeIdempotencyKeysRepository() as unknown as IdempotencyKeysRepository,
  };
}
