/** Test harness: a simulator on 127.0.0.1 with a random port, and small HTTP helpers over the real wire. */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTROL_HEADER } from '../controls.ts';
import { createSimulator, type SimOptions, type Simulator } from '../index.ts';

export const sha512 = (s: string): string => createHash('sha512').update(s).digest('hex');
export const PASSWORD_HASH = sha512('password');

export interface Reply {
  status: number;
  text: string;
  headers: Headers;
  /** Parsed body; undefined when the body is not JSON. */
  json: Record<string, unknown> | undefined;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body sent as is (e.g. malformed JSON). */
  rawBody?: string;
  session?: string;
  headers?: Record<string, string>;
}

export interface ZStackErr {
  code: string;
  description: string;
  details: string;
}

export class Harness {
  private constructor(
    readonly sim: Simulator,
    private readonly server: Server,
    readonly origin: string,
  ) {}

  /** A simulator answering in English unless the test asks for a locale (a real node defaults to zh_CN). */
  static async start(opts: Partial<SimOptions> = {}): Promise<Harness> {
    const sim = createSimulator({ jobDurationMs: 20, locale: 'en_US', ...opts });
    const server = createServer((req, res) => sim.handle(req, res));
    sim.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Harness(sim, server, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    this.sim.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.session) headers.Authorization = `OAuth ${opts.session}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json;charset=UTF-8';
    }
    const url = path.startsWith('http')
      ? path
      : `${this.origin}${path.startsWith('/__sim') ? '' : '/zstack/v1'}${path}`;
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    return { status: res.status, text, headers: res.headers, json };
  }

  get = (path: string, session?: string, opts: RequestOptions = {}) =>
    this.request('GET', path, { ...opts, session });

  /** A call of the simulator's controls, with what they require of a POST (header, JSON object). */
  control(method: string, path: string, body?: unknown): Promise<Reply> {
    const post = method === 'POST';
    return this.request(method, `/__sim${path}`, {
      body: body ?? (post ? {} : undefined),
      headers: post ? { [CONTROL_HEADER]: '1' } : {},
    });
  }

  async login(accountName: string, password = 'password'): Promise<string> {
    const r = await this.request('PUT', '/accounts/login', {
      body: { logInByAccount: { accountName, password: sha512(password) } },
    });
    if (r.status !== 200) throw new Error(`login ${accountName}: ${r.status} ${r.text}`);
    return (r.json?.inventory as { uuid: string }).uuid;
  }

  async loginVid(name: string, project?: string): Promise<string> {
    const r = await this.request('PUT', '/iam2/virtual-ids/login', {
      body: { loginIAM2VirtualID: { name, password: PASSWORD_HASH } },
    });
    if (r.status !== 200) throw new Error(`login ${name}: ${r.status} ${r.text}`);
    const s = (r.json?.inventory as { uuid: string }).uuid;
    if (!project) return s;
    const p = await this.request('PUT', '/iam2/projects/login', {
      session: s,
      body: { loginIAM2Project: { projectName: project } },
    });
    if (p.status !== 200) throw new Error(`project login ${name}/${project}: ${p.status} ${p.text}`);
    return (p.json?.inventory as { uuid: string }).uuid;
  }

  /** One poll of a job: the path of its location on this server, as the console (behind a proxy) polls. */
  poll(location: string): Promise<Reply> {
    return this.request('GET', `${this.origin}${new URL(location).pathname}`);
  }

  /** Polls a job location until it leaves 202. */
  async waitJob(location: string, timeoutMs = 5000): Promise<Reply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = await this.poll(location);
      if (r.status !== 202) return r;
      if (Date.now() > deadline) throw new Error(`job ${location} still running`);
      await new Promise((res) => setTimeout(res, 10));
    }
  }

  /** Sends an async API and returns the job's final answer. */
  async call(method: string, path: string, opts: RequestOptions = {}): Promise<Reply> {
    const r = await this.request(method, path, opts);
    if (r.status !== 202) return r;
    return this.waitJob(String(r.json?.location));
  }

  /** The uuid of the single inventory a query returns (as admin unless a session is given). */
  async uuidOf(resource: string, name: string, session?: string): Promise<string> {
    const s = session ?? (await this.login('admin'));
    const r = await this.get(`${resource}?q=${encodeURIComponent(`name=${name}`)}`, s);
    const inv = (r.json?.inventories as { uuid: string }[] | undefined) ?? [];
    if (inv.length !== 1 || !inv[0]) throw new Error(`${resource} ${name}: ${r.status} ${r.text}`);
    return inv[0].uuid;
  }

  async nicOf(vmName: string, index = 0): Promise<{ uuid: string; ip: string }> {
    const s = await this.login('admin');
    const r = await this.get(`/vm-instances?q=${encodeURIComponent(`name=${vmName}`)}`, s);
    const vm = (r.json?.inventories as { vmNics: { uuid: string; ip: string }[] }[])[0];
    const nic = vm?.vmNics[index];
    if (!nic) throw new Error(`no nic ${index} on ${vmName}`);
    return nic;
  }
}

export function errorOf(r: Reply): ZStackErr {
  const e = r.json?.error as ZStackErr | undefined;
  if (!e) throw new Error(`not a ZStack error (${r.status}): ${r.text}`);
  return e;
}

export const q = (...conds: string[]): string => conds.map((c) => `q=${encodeURIComponent(c)}`).join('&');
