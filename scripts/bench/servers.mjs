// Builds the console into the benchmark's own directory and serves it with `vite preview` and the
// simulator mounted (sim/vite-plugin.ts), one server per simulator scale.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const vite = (root) => join(root, 'node_modules', 'vite', 'bin', 'vite.js');

export function build(root, outDir) {
  const t0 = performance.now();
  const result = spawnSync(
    process.execPath,
    [vite(root), 'build', '--manifest', '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, CONSOLE_OUT_DIR: outDir },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return performance.now() - t0;
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** Starts `vite preview` with the simulator at `scale`; resolves once /login and /__sim/info answer. */
export async function startPreview(root, { outDir, port, scale, jobMs, timeoutMs = 90_000 }) {
  if (!(await portFree(port))) {
    throw new Error(`port ${port} is in use: set BENCH_PORT to another base port`);
  }
  const t0 = performance.now();
  const child = spawn(process.execPath, [vite(root), 'preview', '--port', String(port), '--strictPort'], {
    cwd: root,
    env: {
      ...process.env,
      CONSOLE_OUT_DIR: outDir,
      PORT: String(port),
      SIM_SCALE: String(scale),
      SIM_JOB_MS: String(jobMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const server = {
    base,
    scale,
    child,
    startMs: 0,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    },
  };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview (scale ${scale}) exited:\n${output}`);
    if (performance.now() - t0 > timeoutMs) {
      server.stop();
      throw new Error(`vite preview (scale ${scale}) did not answer within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const [login, info] = await Promise.all([fetch(`${base}/login`), fetch(`${base}/__sim/info`)]);
      if (login.ok && info.ok) {
        const body = await info.json();
        server.info = body;
        server.startMs = performance.now() - t0;
        return server;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
