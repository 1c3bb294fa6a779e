import { randomBytes } from 'node:crypto';
import { BOOTSTRAP_KEY, type Session } from './test-app';

/**
 * The traffic the fault tests break things under, counted request by request: decisions (keyed),
 * incident reports from the portal and admin edits (network zones), each from its own loop. Every
 * answer is recorded with when it came, so a test can say what was acknowledged before a kill,
 * what was refused during an outage, and what a client saw in flight.
 */
export const DECISION = { action: 'prompt', destination: { url: 'https://chat.deepseek.com/' }, content: { text: 'Summarise the minutes of the planning meeting' } };

export interface Answer {
  status: number | 'network';
  at: number;
  /** Milliseconds from sending to the answer. */
  ms: number;
  retryAfter?: string | null;
  errorCode?: string;
  /** `error.details.outcome` of a refusal: 'unknown' when the write may have been saved. */
  outcome?: string;
}
export interface DecisionAnswer extends Answer {
  id?: string;
  stale?: unknown;
}
export interface WriteAnswer extends Answer {
  /** What the test can find the write by afterwards: the zone's name, the report's marker. */
  key: string;
  /** The created row's id when acknowledged (2xx). */
  id?: string;
}

export interface MixedLoad {
  decisions: DecisionAnswer[];
  incidents: WriteAnswer[];
  zones: WriteAnswer[];
  /** Stops every loop and waits for the requests in flight. */
  stop(): Promise<void>;
}

export interface LoadOptions {
  /** Where each kind goes: the API's base URL, or a function choosing one per request. */
  url: string;
  decisionConnections?: number;
  /** A signed-in session allowed to report incidents (portal) and edit zones (admin); none: decisions only. */
  session?: Session;
  /** Pause between writes in each write loop (ms). */
  writePauseMs?: number;
  key?: string;
  /** Aborts a request after this long (counted as 'network'). */
  timeoutMs?: number;
}

async function timed<T extends Answer>(send: () => Promise<Response>, read: (res: Response, base: Answer) => Promise<T>): Promise<T | Answer> {
  const started = Date.now();
  try {
    const res = await send();
    const base: Answer = { status: res.status, at: Date.now(), ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
    return await read(res, base);
  } catch {
    return { status: 'network', at: Date.now(), ms: Date.now() - started };
  }
}

async function refusal(res: Response): Promise<{ errorCode?: string; outcome?: string }> {
  const text = await res.text().catch(() => '');
  try {
    const { error } = JSON.parse(text) as { error?: { code?: string; details?: { outcome?: string } } };
    return { errorCode: error?.code, outcome: error?.details?.outcome };
  } catch {
    return {};
  }
}

export function startMixedLoad(opts: LoadOptions): MixedLoad {
  const decisions: DecisionAnswer[] = [];
  const incidents: WriteAnswer[] = [];
  const zones: WriteAnswer[] = [];
  const key = opts.key ?? BOOTSTRAP_KEY;
  const timeout = opts.timeoutMs ?? 15_000;
  let running = true;
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let n = 0;

  const decide = () =>
    timed(
      () =>
        fetch(`${opts.url}/v1/decisions`, {
          method: 'POST',
          signal: AbortSignal.timeout(timeout),
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify(DECISION),
        }),
      async (res, base): Promise<DecisionAnswer> => {
        if (res.status !== 200) return { ...base, ...(await refusal(res)) };
        const body = (await res.json()) as { decisionId: string; stale?: unknown };
        return { ...base, id: body.decisionId, stale: body.stale };
      },
    );

  const write = (path: string, json: unknown, k: string) =>
    timed(
      () => opts.session!.request(path, { method: 'POST', json, signal: AbortSignal.timeout(timeout) }),
      async (res, base): Promise<WriteAnswer> => {
        if (res.status >= 300) return { ...base, key: k, ...(await refusal(res)) };
        return { ...base, key: k, id: ((await res.json()) as { id?: string }).id };
      },
    );

  const loops: Promise<void>[] = Array.from({ length: opts.decisionConnections ?? 4 }, async () => {
    while (running) decisions.push(await decide());
  });
  if (opts.session) {
    const pause = () => new Promise((r) => setTimeout(r, opts.writePauseMs ?? 20));
    loops.push(
      (async () => {
        while (running) {
          const marker = `fault-${run}-${++n}`;
          const a = await write('/api/portal/incidents', { providerId: 'other', otherService: 'Fault test service', dataKinds: ['not_sure'], description: `Pasted a document (${marker})` }, marker);
          incidents.push({ ...a, key: marker } as WriteAnswer);
          await pause();
        }
      })(),
      (async () => {
        while (running) {
          const name = `fault-${run}-${++n}`;
          const octet = n % 250;
          const a = await write('/api/zones', { name, cidrs: [`10.${(n >> 8) % 250}.${octet}.0/24`] }, name);
          zones.push({ ...a, key: name } as WriteAnswer);
          await pause();
        }
      })(),
    );
  }
  return {
    decisions,
    incidents,
    zones,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** The n-th percentile (0-100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Answers by status, e.g. { 200: 1532, 503: 12, network: 1 }. */
export function byStatus(answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[String(a.status)] = (out[String(a.status)] ?? 0) + 1;
  return out;
}
