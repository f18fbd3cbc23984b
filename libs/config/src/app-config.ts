import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import * as path from 'node:path';

/** How the process stores data and talks to its peers (SPEC.md §2). */
export type RunMode = 'standalone' | 'postgres' | 'scaled';

export interface AppConfig {
  readonly mode: RunMode;
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** PostgreSQL URL; null in standalone, where the embedded database is used. */
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  /** Standalone data directory: PGlite files, the secret, the PID lock. */
  readonly dataDir: string;
  readonly dbPoolSize: number;
  readonly migrateOnStart: boolean;
  /** In scaled mode, run the scheduled jobs inside the API as well (normally only in workers). */
  readonly jobsInline: boolean;
  /** Run the hourly schedule (off: jobs run only when triggered; for maintenance and tests). */
  readonly scheduledJobs: boolean;
  readonly registration: 'open' | 'closed';
  /** JWT signing secret; in standalone it is read from (or first written to) DATA_DIR/secret. */
  readonly jwtSecret: string | null;
  readonly logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Origin allowed by CORS for a separately hosted web app; null = same origin only. */
  readonly corsOrigin: string | null;
  /** Base URL used in links sent by e-mail. */
  readonly publicUrl: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  /** Send `X-Query-Count` (SQL statements of the request) on every API response. */
  readonly queryCountHeader: boolean;
  /** Directory of the built web app served at `/`; null disables static serving. */
  readonly webDistDir: string | null;
  /**
   * Deliver recorded events from this process (the outbox relay). Off = record only: an operator
   * switch for a process that should leave delivery to the others.
   */
  readonly outboxRelay: boolean;
  /** Delivered events stay in the outbox this many days for `GET /api/events?since=`. */
  readonly eventRetentionDays: number;
  /**
   * Which proxies' `X-Forwarded-For`/`-Proto` to believe (Express's `trust proxy`): false (the
   * default: the socket's address is the client), a number of hops, or a list of addresses,
   * subnets and the names loopback, linklocal, uniquelocal.
   */
  readonly trustProxy: false | number | string[];
  /** `json`: one JSON object per line (the Docker images); `pretty`: one readable line. */
  readonly logFormat: 'json' | 'pretty';
  /** Bearer token `/metrics` asks for; null = it answers only to loopback callers. */
  readonly metricsToken: string | null;
  /** The worker's `/metrics` port (0 = any free port). */
  readonly metricsPort: number;
  /** E-mail addresses (lower case) whose accounts are admins, beside the first user. */
  readonly adminEmails: readonly string[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The repository root: the nearest folder above this file with a package.json (source or dist/). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | null {
  const value = env[name];
  return value === undefined || value.trim() === '' ? null : value.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return Number(raw);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[]): string | null {
  const raw = str(env, name);
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => p + '//').join(' or ')}`);
  }
  return raw;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustProxy(env: Env): false | number | string[] {
  const raw = str(env, 'TRUST_PROXY');
  if (raw === null || ['false', 'off', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (/^\d+$/.test(raw)) return int(env, 'TRUST_PROXY', 0, 0, 32);
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const valid =
      (PROXY_NAMES.includes(entry) && bits === undefined) ||
      (isIP(address) !== 0 &&
        extra === undefined &&
        (bits === undefined ||
          (/^\d+$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128))));
    if (!valid) {
      throw new ConfigError(
        `TRUST_PROXY must be false, a number of hops, or addresses/subnets/${PROXY_NAMES.join('/')} separated by commas (got "${entry}")`,
      );
    }
  }
  return entries;
}

function metricsToken(env: Env): string | null {
  const token = str(env, 'METRICS_TOKEN');
  if (token !== null && (token.length < 16 || !/^[\x21-\x7e]+$/.test(token)))
    throw new ConfigError('METRICS_TOKEN must be at least 16 printable characters without spaces');
  return token;
}

function adminEmails(env: Env): string[] {
  const raw = str(env, 'ADMIN_EMAILS');
  if (raw === null) return [];
  const emails = raw.split(',').map((e) => e.trim().toLowerCase());
  const bad = emails.find((e) => !/^[^\s@,]+@[^\s@,]+$/.test(e));
  if (bad !== undefined)
    throw new ConfigError(
      `ADMIN_EMAILS must be e-mail addresses separated by commas (got "${bad}")`,
    );
  return [...new Set(emails)];
}

/**
 * Reads and validates the environment once. Every setting of the product is here; nothing else
 * reads `process.env`. A bad value throws a ConfigError naming it.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  if (redisUrl && !databaseUrl) throw new ConfigError('REDIS_URL needs DATABASE_URL');
  const mode: RunMode = !databaseUrl ? 'standalone' : redisUrl ? 'scaled' : 'postgres';

  const jwtSecret = str(env, 'JWT_SECRET');
  if (databaseUrl && !jwtSecret)
    throw new ConfigError('JWT_SECRET is required when DATABASE_URL is set');
  if (jwtSecret && jwtSecret.length < 32)
    throw new ConfigError('JWT_SECRET must be at least 32 characters');

  const host = str(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host))
    throw new ConfigError(`HOST is not a host name or address (got "${host}")`);

  const port = int(env, 'PORT', 3000, 0, 65535);
  const root = repoRoot();
  const webDist = str(env, 'WEB_DIST_DIR');
  return {
    mode,
    nodeEnv: oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'production'),
    host,
    port,
    databaseUrl,
    redisUrl,
    dataDir: path.resolve(str(env, 'DATA_DIR') ?? path.join(root, 'data')),
    dbPoolSize: int(env, 'DB_POOL_SIZE', 10, 1, 200),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', true),
    jobsInline: bool(env, 'JOBS_INLINE', false),
    scheduledJobs: bool(env, 'SCHEDULED_JOBS', true),
    registration: oneOf(env, 'REGISTRATION', ['open', 'closed'] as const, 'open'),
    jwtSecret,
    logLevel: oneOf(env, 'LOG_LEVEL', ['error', 'warn', 'log', 'debug', 'verbose'] as const, 'log'),
    corsOrigin: url(env, 'CORS_ORIGIN', ['http:', 'https:']),
    publicUrl:
      url(env, 'PUBLIC_URL', ['http:', 'https:']) ??
      `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(env, 'MAIL_FROM') ?? 'Habit Tracker <no-reply@localhost>',
    queryCountHeader: bool(env, 'QUERY_COUNT_HEADER', false),
    webDistDir:
      webDist === 'none'
        ? null
        : path.resolve(webDist ?? path.join(root, 'dist', 'web', 'browser')),
    outboxRelay: oneOf(env, 'OUTBOX_RELAY', ['on', 'off'] as const, 'on') === 'on',
    eventRetentionDays: int(env, 'EVENT_RETENTION_DAYS', 7, 1, 365),
    trustProxy: trustProxy(env),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, 'pretty'),
    metricsToken: metricsToken(env),
    metricsPort: int(env, 'METRICS_PORT', 9464, 0, 65535),
    adminEmails: adminEmails(env),
  };
}

/** Nest injection token for the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The JWT secret: JWT_SECRET when set (required with DATABASE_URL); in standalone, 32 random
 * bytes written to DATA_DIR/secret (mode 0600) on the first start and reused after.
 */
export function withJwtSecret(config: AppConfig): AppConfig {
  if (config.jwtSecret) return config;
  const file = path.join(config.dataDir, 'secret');
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new ConfigError(`${file} is damaged (too short); delete it to make a new one`);
  return { ...config, jwtSecret: secret };
}
