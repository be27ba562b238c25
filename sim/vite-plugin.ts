import type { Connect, Plugin } from 'vite';
import type { Simulator } from './index.ts';

/**
 * Mounts the ZStack simulator into Vite's dev and preview servers under /zstack (the API) and /__sim
 * (its test controls), so the console and "the management node" share one origin as they would behind
 * a reverse proxy in production. The simulator is loaded only when a server starts (not for builds or
 * unit tests), and seeded then rather than on the first request, so that SIM_SCALE is paid up front.
 */
export function zstackSimulator(): Plugin {
  let sim: Simulator | undefined;
  const start = async () => {
    if (sim) return;
    const { createSimulator, simOptionsFromEnv } = await import('./index.ts');
    sim = createSimulator(simOptionsFromEnv(process.env));
  };
  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const url = req.url ?? '';
    if (sim && (url.startsWith('/zstack/') || url === '/zstack' || url.startsWith('/__sim/'))) {
      sim.handle(req, res);
      return;
    }
    next();
  };
  return {
    name: 'zstack-simulator',
    async configureServer(server) {
      await start();
      sim?.attach(server.httpServer);
      server.middlewares.use(middleware);
    },
    async configurePreviewServer(server) {
      await start();
      sim?.attach(server.httpServer);
      server.middlewares.use(middleware);
    },
  };
}
