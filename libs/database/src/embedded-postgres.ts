import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The socket server's connection limit: the app's pool plus room for an operator's client
 * (`npm run stats:verify` is refused while the app holds DATA_DIR, but psql is not).
 */
export const EMBEDDED_MAX_CONNECTIONS = 4;

/**
 * The app's pool on the embedded server: one connection. PGlite is one backend; the socket
 * server multiplexes clients per message, and concurrent extended-protocol queries from several
 * connections were seen to collide ("unnamed prepared statement does not exist"). One
 * connection queues them in the pool instead, which is also the order PGlite runs them in.
 */
export const EMBEDDED_POOL_SIZE = 1;

export interface EmbeddedConnection {
  host: string;
  port: number;
  username: string;
  database: string;
}

export class AlreadyRunningError extends Error {
  constructor(
    readonly pid: number,
    dataDir: string,
  ) {
    super(`already running (pid ${pid}) on DATA_DIR ${dataDir}`);
    this.name = 'AlreadyRunningError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes DATA_DIR/habit-tracker.pid for this process. A lock left by a process that is gone is
 * taken over; a live one refuses the start.
 */
export function acquirePidLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'habit-tracker.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new AlreadyRunningError(pid, dataDir);
      }
      fs.unlinkSync(file);
    }
  }
  throw new Error(`could not take the lock file ${file}`);
}

/**
 * PostgreSQL in-process (PGlite, PostgreSQL 18 compiled to WebAssembly) served over the wire
 * protocol, so the app uses its ordinary `pg` pool and TypeORM against it. Listens on a Unix
 * socket inside DATA_DIR (never on 5432, where a real server may listen), or on a free loopback
 * port when that path would be too long for a socket.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly releaseLock: () => void,
    readonly connection: EmbeddedConnection,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const releaseLock = acquirePidLock(dataDir);
    try {
      const db = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
      const socketPath = path.join(dataDir, '.s.PGSQL.5432');
      const useSocket = socketPath.length < 100;
      if (useSocket && fs.existsSync(socketPath)) fs.unlinkSync(socketPath); // left by a crash; we hold the lock
      const server = new PGLiteSocketServer({
        db,
        maxConnections: EMBEDDED_MAX_CONNECTIONS,
        ...(useSocket ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
      });
      await server.start();
      const connection: EmbeddedConnection = useSocket
        ? { host: dataDir, port: 5432, username: 'postgres', database: 'postgres' }
        : {
            host: '127.0.0.1',
            port: Number(server.getServerConn().split(':').pop()),
            username: 'postgres',
            database: 'postgres',
          };
      return new EmbeddedPostgres(db, server, releaseLock, connection);
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      if (!this.db.closed) await this.db.close();
    } finally {
      this.releaseLock();
    }
  }
}
