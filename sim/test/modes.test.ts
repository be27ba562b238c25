/**
 * The simulator as it is served: mounted in Vite (the plugin of `npm start` / `npm run preview`) and alone
 * (`npm run sim`, a child process). Both name the node in `location`, never the Host header, and both
 * enforce the request-head limit of a node's Tomcat rather than Node's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request as httpRequest, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { zstackSimulator } from '../vite-plugin.ts';

interface Answer {
  status: number;
  type: string | undefined;
  text: string;
}

/** One request over node:http, so that the Host header and the size of the head are ours to choose. */
function send(
  origin: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<Answer> {
  const data = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(data);
  });
}

const password = createHash('sha512').update('password').digest('hex');

async function submitJob(origin: string, host?: string): Promise<{ location: string; poll: Answer }> {
  const login = await send(
    origin,
    'PUT',
    '/zstack/v1/accounts/login',
    {},
    {
      logInByAccount: { accountName: 'admin', password },
    },
  );
  const session = (JSON.parse(login.text) as { inventory: { uuid: string } }).inventory.uuid;
  const groups = await send(origin, 'GET', '/zstack/v1/load-balancers/servergroups?q=name=api-pool', {
    Authorization: `OAuth ${session}`,
  });
  const pool = (JSON.parse(groups.text) as { inventories: { uuid: string }[] }).inventories[0]?.uuid;
  const headers: Record<string, string> = { Authorization: `OAuth ${session}` };
  if (host) headers.Host = host;
  const r = await send(
    origin,
    'POST',
    `/zstack/v1/load-balancers/servergroups/${pool}/backendservers`,
    headers,
    {
      params: { servers: [{ ipAddress: '10.9.9.9' }] },
    },
  );
  expect(r.status).toBe(202);
  const location = (JSON.parse(r.text) as { location: string }).location;
  return { location, poll: await send(origin, 'GET', new URL(location).pathname) };
}

/** A request whose line plus headers come to about `bytes`. */
const headOf = (origin: string, bytes: number) =>
  send(origin, 'GET', '/zstack/v1/api-jobs/0123456789abcdef0123456789abcdef', { 'X-Pad': 'p'.repeat(bytes) });

async function expectTomcatLimit(origin: string): Promise<void> {
  {
    const under = await headOf(origin, 60 * 1024);
    expect(under.status).toBe(404); // through to ZStack: "the job has been expired"
    expect(under.text).toBe('the job has been expired');
    const over = await headOf(origin, 65 * 1024);
    expect(over.status).toBe(400);
    expect(over.type).toBe('text/html;charset=utf-8');
    expect(over.text).toContain('HTTP Status 400 – Bad Request');
    expect(over.text).toContain('Request header is too large');
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** `npm run sim` as a child process (its own process group, stopped with it). */
async function standalone(env: Record<string, string>): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('node_modules/.bin/tsx', ['sim/main.ts'], {
    env: { ...process.env, SIM_PORT: String(port), SIM_JOB_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('listening on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`sim exited with ${code}: ${out}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child };
}

const stop = (child: ChildProcess) => {
  if (child.pid) process.kill(-child.pid, 'SIGTERM');
};

describe('mounted in Vite', () => {
  let vite: ViteDevServer;
  let origin: string;

  beforeAll(async () => {
    vite = await createViteServer({
      configFile: false,
      logLevel: 'silent',
      plugins: [zstackSimulator()],
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await vite.listen();
    const { port } = vite.httpServer?.address() as AddressInfo;
    origin = `http://127.0.0.1:${port}`;
  }, 30_000);
  afterAll(() => vite.close());

  it('answers location with the node (default http://127.0.0.1:8080), not the console origin or Host', async () => {
    const { location, poll } = await submitJob(origin, 'localhost:5173'); // Vite refuses unknown hosts
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:8080\/zstack\/v1\/api-jobs\/[0-9a-f]{32}$/);
    expect([200, 202]).toContain(poll.status); // the path alone reaches the job through the console's origin
  });

  it("answers a head over 64 KB with Tomcat's 400, one under it normally (not Node's 431)", () =>
    expectTomcatLimit(origin));
});

describe('alone (npm run sim)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach(stop));

  it('answers location with its own listening address, or SIM_NODE_URL when set', async () => {
    const own = await standalone({});
    children.push(own.child);
    const a = await submitJob(own.origin, 'elsewhere.example');
    expect(a.location.startsWith(`${own.origin}/zstack/v1/api-jobs/`)).toBe(true);
    const behind = await standalone({ SIM_NODE_URL: 'http://10.0.0.2:8080/' });
    children.push(behind.child);
    const b = await submitJob(behind.origin);
    expect(b.location.startsWith('http://10.0.0.2:8080/zstack/v1/api-jobs/')).toBe(true);
    expect(b.poll.status).not.toBe(404);
  }, 30_000);

  it("answers a head over 64 KB with Tomcat's 400, one under it normally", async () => {
    const sim = await standalone({});
    children.push(sim.child);
    await expectTomcatLimit(sim.origin);
  }, 30_000);
});
