/** Standalone simulator: `npm run sim` (SIM_PORT, default 8080, on 127.0.0.1). */
import { createServer } from 'node:http';
import { createSimulator, simOptionsFromEnv } from './index.ts';

const port = Number(process.env.SIM_PORT) || 8080;
const options = simOptionsFromEnv(process.env);
// Alone, the simulator is the node: `location` names its own listening address unless SIM_NODE_URL says otherwise.
const sim = createSimulator({ ...options, nodeUrl: options.nodeUrl ?? `http://127.0.0.1:${port}` });
const server = createServer((req, res) => sim.handle(req, res));
sim.attach(server);

server.listen(port, '127.0.0.1', () => {
  const mem = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  console.log(
    `[zstack-sim] seeded in ${Math.round(sim.startupMs)} ms (SIM_SCALE=${options.scale}, heap ${mem} MB, locale ${options.locale}, jobs ${options.jobDurationMs} ms, session timeout ${options.sessionTimeoutSec} s, controls ${options.controls ? 'on' : 'off'})`,
  );
  console.log(`ZStack simulator listening on http://127.0.0.1:${port}/zstack/v1`);
});

const stop = () => {
  sim.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
