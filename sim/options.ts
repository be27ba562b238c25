export interface SimOptions {
  /** SIM_SCALE: extra generated VMs/NICs, virtual IDs and server groups (0..100000). */
  scale: number;
  /** SIM_SESSION_TIMEOUT: identity.session.timeout in seconds. */
  sessionTimeoutSec: number;
  /** SIM_JOB_MS: how long an async job runs before it applies. */
  jobDurationMs: number;
  /** SIM_CONTROLS: the /__sim test controls ("0" disables them). */
  controls: boolean;
  /** SIM_ZWATCH: serve ZWatch's GetMetricData ("1"); off, as on an open-source node (404 no api mapping). */
  zwatch: boolean;
}

export const DEFAULT_OPTIONS: SimOptions = {
  scale: 0,
  sessionTimeoutSec: 7200,
  jobDurationMs: 300,
  controls: true,
  zwatch: false,
};

function int(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

export function simOptionsFromEnv(env: NodeJS.ProcessEnv): SimOptions {
  return {
    scale: int(env.SIM_SCALE, DEFAULT_OPTIONS.scale, 0, 1_000_000),
    sessionTimeoutSec: int(env.SIM_SESSION_TIMEOUT, DEFAULT_OPTIONS.sessionTimeoutSec, 1, 31_536_000),
    jobDurationMs: int(env.SIM_JOB_MS, DEFAULT_OPTIONS.jobDurationMs, 0, 3_600_000),
    controls: env.SIM_CONTROLS?.trim() !== '0',
    zwatch: env.SIM_ZWATCH?.trim() === '1',
  };
}
