import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

/** A fetch that records what the console sent and answers from a script. */
export function fakeFetch(handler: Handler) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    return handler(call);
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}

export const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
export const text = (status: number, body: string) => new Response(body, { status });
