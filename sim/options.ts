import { DEFAULT_LOCALE, parseLocale, type SimLocale } from './i18n/index.ts';

/** The address a real node puts in `location` when nothing else is configured: its own IP and Tomcat's port. */
export const DEFAULT_NODE_URL = 'http://127.0.0.1:8080';

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
  /** SIM_LOCALE: zh_CN (ZStack's default) or en_US. */
  locale: SimLocale;
  /**
   * SIM_NODE_URL: the node's own base URL (scheme://host:port) for `location`. Mounted in Vite it defaults to
   * DEFAULT_NODE_URL, never the request's Host; `npm run sim` uses its listening address unless this is set.
   */
  nodeUrl?: string;
}

export const DEFAULT_OPTIONS: SimOptions = {
  scale: 0,
  sessionTimeoutSec: 7200,
  jobDurationMs: 300,
  controls: true,
  zwatch: false,
  locale: DEFAULT_LOCALE,
};

function int(value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(n)));
}

function locale(value: string | undefined): SimLocale {
  if (value === undefined || value.trim() === '') return DEFAULT_LOCALE;
  const l = parseLocale(value);
  if (!l)
    console.warn(`[zstack-sim] SIM_LOCALE=${value} is neither zh_CN nor en_US; using ${DEFAULT_LOCALE}`);
  return l ?? DEFAULT_LOCALE;
}

function nodeUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const u = new URL(value.trim());
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.origin;
  } catch {
    // reported below
  }
  console.warn(`[zstack-sim] SIM_NODE_URL=${value} is not an http(s) URL; ignored`);
  return undefined;
}

export function simOptionsFromEnv(env: NodeJS.ProcessEnv): SimOptions {
  return {
    scale: int(env.SIM_SCALE, DEFAULT_OPTIONS.scale, 0, 1_000_000),
    sessionTimeoutSec: int(env.SIM_SESSION_TIMEOUT, DEFAULT_OPTIONS.sessionTimeoutSec, 1, 31_536_000),
    jobDurationMs: int(env.SIM_JOB_MS, DEFAULT_OPTIONS.jobDurationMs, 0, 3_600_000),
    controls: env.SIM_CONTROLS?.trim() !== '0',
    zwatch: env.SIM_ZWATCH?.trim() === '1',
    locale: locale(env.SIM_LOCALE),
    nodeUrl: nodeUrl(env.SIM_NODE_URL),
  };
}
