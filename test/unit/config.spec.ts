import { ConfigError, loadConfig, withJwtSecret } from '@app/config';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const secret = 's'.repeat(40);

describe('loadConfig: the run-mode table of SPEC.md §2', () => {
  it.each([
    ['nothing set', {}, 'standalone'],
    ['DATABASE_URL only', { DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: secret }, 'postgres'],
    [
      'DATABASE_URL and REDIS_URL',
      { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', JWT_SECRET: secret },
      'scaled',
    ],
  ])('%s → %s', (_name, env, mode) => {
    expect(loadConfig(env).mode).toBe(mode);
  });

  it('refuses REDIS_URL without DATABASE_URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://h:6379' })).toThrow(
      new ConfigError('REDIS_URL needs DATABASE_URL'),
    );
  });

  it('requires JWT_SECRET with DATABASE_URL, and a long one', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db' })).toThrow(
      /JWT_SECRET is required/,
    );
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', JWT_SECRET: 'short' })).toThrow(
      /at least 32/,
    );
  });

  it('defaults to 127.0.0.1:3000, migrations at start, open registration', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      migrateOnStart: true,
      registration: 'open',
      jobsInline: false,
    });
    expect(path.basename(config.dataDir)).toBe('data');
  });

  it.each([
    ['PORT', { PORT: '70000' }],
    ['PORT', { PORT: '3.5' }],
    ['DB_POOL_SIZE', { DB_POOL_SIZE: '0' }],
    ['MIGRATE_ON_START', { MIGRATE_ON_START: 'sometimes' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['HOST', { HOST: 'bad host!' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: '99' }],
    ['LOG_FORMAT', { LOG_FORMAT: 'xml' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'has a space in the middle' }],
    ['METRICS_PORT', { METRICS_PORT: '65536' }],
    ['ADMIN_EMAILS', { ADMIN_EMAILS: 'ops@example.com, not-an-address' }],
  ])('names %s when its value is bad', (name, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${name} `));
  });

  it('reads the operations settings: log format, metrics token and port, admin e-mails', () => {
    expect(loadConfig({})).toMatchObject({
      logFormat: 'pretty',
      metricsToken: null,
      metricsPort: 9464,
      adminEmails: [],
    });
    expect(
      loadConfig({
        LOG_FORMAT: 'json',
        METRICS_TOKEN: 'scrape-me-0123456789',
        METRICS_PORT: '9100',
        ADMIN_EMAILS: ' Ops@Example.com,root@example.org,ops@example.com ',
      }),
    ).toMatchObject({
      logFormat: 'json',
      metricsToken: 'scrape-me-0123456789',
      metricsPort: 9100,
      adminEmails: ['ops@example.com', 'root@example.org'],
    });
  });

  it('reads HOST, PORT, DATA_DIR and pool size', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '8080',
      DATA_DIR: '/srv/ht',
      DB_POOL_SIZE: '25',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/srv/ht',
      dbPoolSize: 25,
    });
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7, ::1', ['10.0.0.0/8', '192.168.1.7', '::1']],
  ])('%s → %j (off unless set: X-Forwarded-For is not believed by default)', (raw, expected) => {
    expect(loadConfig(raw === undefined ? {} : { TRUST_PROXY: raw }).trustProxy).toEqual(expected);
  });
});

describe('withJwtSecret', () => {
  it('writes 32 random bytes with mode 0600 on first use and reuses them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ht-secret-'));
    const first = withJwtSecret(loadConfig({ DATA_DIR: dir }));
    const second = withJwtSecret(loadConfig({ DATA_DIR: dir }));
    expect(first.jwtSecret).toBe(second.jwtSecret);
    expect(Buffer.from(first.jwtSecret ?? '', 'base64url')).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'secret')).mode & 0o777).toBe(0o600);
    fs.rmSync(dir, { recursive: true });
  });

  it('keeps JWT_SECRET when it is set', () => {
    expect(withJwtSecret(loadConfig({ JWT_SECRET: secret })).jwtSecret).toBe(secret);
  });
});
