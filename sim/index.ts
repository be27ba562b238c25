/**
 * The ZStack API simulator: serves /zstack/v1/... like a ZStack management node and, when enabled, the
 * /__sim/... test controls. Used by the Vite dev/preview servers (vite-plugin.ts) and standalone (main.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routerFor } from './api/index.ts';
import { handleControl } from './controls.ts';
import { SimState } from './core/state.ts';
import { send } from './http/io.ts';
import { DEFAULT_NODE_URL, DEFAULT_OPTIONS, type SimOptions } from './options.ts';
import { acceptTomcatSizedHeads } from './rest/limits.ts';
import { ZStackPipeline } from './rest/pipeline.ts';

export { simOptionsFromEnv, type SimOptions } from './options.ts';

export interface Simulator {
  /** Serves one request under /zstack/ or /__sim/ (reads the body itself). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Back to the seed: sessions, jobs, faults and the request log are gone, timings are the start-up ones. */
  reset(): void;
  /** Cancels pending jobs (for tests and shutdown). */
  close(): void;
  /**
   * Prepares the HTTP server that serves it (Vite's, `npm run sim`'s): Node refuses request heads over 16 KB
   * with 431 itself, a node's Tomcat accepts 64 KB and answers 400 above (the simulator checks that).
   */
  attach(server: unknown): void;
  readonly options: SimOptions;
  /** Start-up (seeding) time in milliseconds. */
  readonly startupMs: number;
}

export function createSimulator(opts: Partial<SimOptions> = {}): Simulator {
  const options: SimOptions = { ...DEFAULT_OPTIONS, ...opts };
  const started = performance.now();
  const state = new SimState(
    options.scale,
    {
      jobDurationMs: options.jobDurationMs,
      sessionTimeoutSec: options.sessionTimeoutSec,
      locale: options.locale,
    },
    options.nodeUrl ?? DEFAULT_NODE_URL,
  );
  const pipeline = new ZStackPipeline(state, routerFor(state, options));
  const startupMs = performance.now() - started;

  const fail = (res: ServerResponse, e: unknown) => {
    console.error('[zstack-sim] internal error', e);
    send(res, 500, e instanceof Error ? e.message : String(e));
  };

  return {
    options,
    startupMs,
    handle(req, res) {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/__sim/') || path === '/__sim') {
        if (!options.controls) {
          send(res, 404, 'simulator controls are disabled (SIM_CONTROLS=0)');
          return;
        }
        handleControl(state, req, res).catch((e: unknown) => fail(res, e));
        return;
      }
      pipeline.handle(req, res).catch((e: unknown) => fail(res, e));
    },
    reset: () => state.reset(),
    close: () => state.close(),
    attach: acceptTomcatSizedHeads,
  };
}
