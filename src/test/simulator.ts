/**
 * For console tests that need a real ZStack wire (Node APIs are there under jsdom too): the simulator
 * on a random port (sim/test/harness.ts) and a shell to run commands in. Both are loaded at run time, so
 * that the console's type-check (DOM, no Node types) never reads the simulator's or Node's sources.
 */
import type * as z from 'zod/mini';
import { queryParams, type ZQuery } from '../api/query';
import { parseInventories } from '../api/schemas';

export interface SimReply {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** The part of sim/test/harness.ts's Harness these tests use. */
export interface SimHarness {
  readonly origin: string;
  close(): Promise<void>;
  login(accountName: string, password?: string): Promise<string>;
  loginVid(name: string, project?: string): Promise<string>;
  get(path: string, session?: string): Promise<SimReply>;
  request(method: string, path: string, opts?: { body?: unknown; session?: string }): Promise<SimReply>;
  call(method: string, path: string, opts?: { body?: unknown; session?: string }): Promise<SimReply>;
  waitJob(location: string, timeoutMs?: number): Promise<SimReply>;
  uuidOf(resource: string, name: string, session?: string): Promise<string>;
  nicOf(vmName: string, index?: number): Promise<{ uuid: string; ip: string }>;
}

/** The simulator's options these tests set (sim/options.ts); the harness answers in en_US unless told. */
export interface SimStart {
  scale?: number;
  jobDurationMs?: number;
  locale?: 'en_US' | 'zh_CN';
}

interface HarnessModule {
  Harness: { start(opts?: SimStart): Promise<SimHarness> };
}

// a path the type-checker does not follow (the simulator is type-checked by tsconfig.node.json)
const harnessModule = ['..', '..', 'sim', 'test', 'harness.ts'].join('/');

export async function startSimulator(opts: SimStart = {}): Promise<SimHarness> {
  const { Harness } = (await import(/* @vite-ignore */ harnessModule)) as HarnessModule;
  return Harness.start(opts);
}

interface ExecResult {
  stdout: string;
  stderr: string;
}
interface NodeApis {
  execFile(
    file: string,
    args: string[],
    opts: { env: Record<string, string | undefined>; timeout: number; maxBuffer: number },
    done: (error: Error | null, stdout: string, stderr: string) => void,
  ): void;
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, text: string): void;
  rmSync(path: string, opts: { recursive: boolean; force: boolean }): void;
  tmpdir(): string;
}

const nodeModule = async (name: string) =>
  (await import(/* @vite-ignore */ `node:${name}`)) as Partial<NodeApis>;

/**
 * Runs a script with `sh`, as if pasted into a shell (from a file: a here-document may be far longer than
 * one argument may be), the given variables added to the environment.
 */
export async function runShell(script: string, env: Record<string, string>): Promise<ExecResult> {
  const [{ execFile }, fs, { tmpdir }] = await Promise.all([
    nodeModule('child_process'),
    nodeModule('fs'),
    nodeModule('os'),
  ]);
  const { mkdtempSync, writeFileSync, rmSync } = fs;
  const processEnv = (globalThis as unknown as { process: { env: Record<string, string | undefined> } })
    .process.env;
  const dir = mkdtempSync!(`${tmpdir!()}/zstack-console-sh-`);
  const file = `${dir}/script.sh`;
  writeFileSync!(file, `${script}\n`);
  try {
    return await new Promise((resolve, reject) => {
      execFile!(
        'sh',
        [file],
        { env: { ...processEnv, ...env }, timeout: 20_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
      );
    });
  } finally {
    rmSync!(dir, { recursive: true, force: true });
  }
}

export interface CountingRunner {
  /** runQuery's shape, against the simulator with this session. */
  run<S extends z.ZodMiniType>(
    path: string,
    item: S,
    query: ZQuery,
  ): Promise<{ inventories: z.output<S>[]; total?: number }>;
  /** A plain GET API with parameters (lookups' GetJson). */
  get(path: string, params: Record<string, string | number | boolean>): Promise<unknown>;
  /** Request lines sent (`GET /zstack/v1/...?... HTTP/1.1`). */
  readonly lines: string[];
}

/** Queries through the console's own query builder and schemas, over HTTP to the simulator, counted. */
export function simQueries(sim: SimHarness, session: string): CountingRunner {
  const lines: string[] = [];
  const get = async (path: string, params: URLSearchParams) => {
    lines.push(`GET /zstack/v1${path}?${params} HTTP/1.1`);
    const reply = await sim.get(`${path}?${params}`, session);
    if (reply.status !== 200)
      throw new Error(`${path}?${params}: ${reply.status} ${reply.text.slice(0, 300)}`);
    return reply.json;
  };
  return {
    lines,
    run: async (path, item, query) => parseInventories(item, await get(path, queryParams(query)), path),
    get: (path, params) =>
      get(path, new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))),
  };
}
