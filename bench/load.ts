import autocannon from 'autocannon';
import { UsageSampler, UsageSummary } from './processes';
import { percentile } from './util';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
  /** False for a request that only prepares the next one (not counted or timed). */
  timed?: boolean;
}

/** The request number `i` of connection `connection` (each connection is one user). */
export type RequestFactory = (connection: number, i: number) => RequestSpec;

export interface LoadResult {
  /** Timed responses per second (2xx and others). */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Timed responses that were not 2xx, by status. */
  failures: Record<string, number>;
  /** Connection errors and timeouts reported by autocannon. */
  errors: number;
  /** Mean of the `x-query-count` header over the timed responses (NaN without the header). */
  statements: number;
  usage: UsageSummary;
}

/** Longest wait, after the measured time, for the requests then in flight. */
const DRAIN_LIMIT_S = 30;

/**
 * One autocannon run: `connections` keep-alive connections, each bound to one user through the
 * factory. Requests issued during `duration` seconds are timed; the ones still in flight at its
 * end are waited for (the connections keep the server busy meanwhile with untimed requests), so
 * slow requests are not dropped from the figures. Latencies are taken per response (fractions
 * of a millisecond kept); the server processes' memory and CPU are sampled meanwhile.
 */
export async function runLoad(options: {
  url: string;
  connections: number;
  duration: number;
  factory: RequestFactory;
  pids: number[];
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let statementSum = 0;
  let statementCount = 0;
  let nextConnection = 0;
  let measuring = true;
  let inFlight = 0;
  let lastResponse = 0;

  const sampler = new UsageSampler(options.pids);
  const started = performance.now();
  // The run is a promise with `stop()` (absent from @types/autocannon 7).
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration + DRAIN_LIMIT_S,
    sampleInt: 100,
    timeout: DRAIN_LIMIT_S,
    setupClient: (client) => {
      const connection = nextConnection++;
      let i = 0;
      // With one request in flight per connection, a response belongs to the last built request.
      let current: RequestSpec | null = null;
      let timed = false;
      const settle = () => {
        if (!timed) return;
        timed = false;
        inFlight--;
        lastResponse = performance.now();
        if (!measuring && inFlight === 0) instance.stop();
      };
      client.setRequests([
        {
          setupRequest: (request) => {
            current = options.factory(connection, i++);
            timed = measuring && current.timed !== false;
            if (timed) inFlight++;
            const headers: Record<string, string> = {
              authorization: `Bearer ${current.token}`,
              accept: 'application/json',
            };
            let body: string | undefined;
            if (current.body !== undefined) {
              body = JSON.stringify(current.body);
              headers['content-type'] = 'application/json';
            }
            return { ...request, method: current.method, path: current.path, headers, body };
          },
          onResponse: (status, _body, _context, headers) => {
            if (!timed) return;
            if (status < 200 || status >= 300) failures[status] = (failures[status] ?? 0) + 1;
            const count = (headers as Record<string, string> | undefined)?.['x-query-count'];
            if (count !== undefined) {
              statementSum += Number(count);
              statementCount++;
            }
          },
        },
      ]);
      client.on('response', (_status: number, _bytes: number, duration: number) => {
        if (timed) latencies.push(duration);
        settle();
      });
      (client as unknown as NodeJS.EventEmitter).on('timeout', settle);
    },
  }) as Promise<autocannon.Result> & { stop(): void };
  const end = setTimeout(() => {
    measuring = false;
    if (inFlight === 0) instance.stop();
  }, options.duration * 1000);
  const result = await instance;
  clearTimeout(end);
  const usage = sampler.stop();
  const elapsed = ((lastResponse || performance.now()) - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    requests: latencies.length,
    failures,
    errors: result.errors + result.timeouts,
    statements: statementCount > 0 ? statementSum / statementCount : NaN,
    usage,
  };
}
