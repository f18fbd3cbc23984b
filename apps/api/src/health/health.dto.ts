export class LiveDto {
  status!: 'ok';
}

export class ReadinessDto {
  /** `ok` when every dependency answered. */
  status!: 'ok' | 'unavailable';
  /** standalone, postgres or scaled (SPEC.md §2). */
  mode!: 'standalone' | 'postgres' | 'scaled';
  database!: 'ok' | 'unavailable';
  /** `not_configured` without REDIS_URL. */
  redis!: 'ok' | 'unavailable' | 'not_configured';
  /** Seconds since the newest worker heartbeat; null when no worker has beaten. Never affects status. */
  workerHeartbeatAgeSeconds!: number | null;
}
