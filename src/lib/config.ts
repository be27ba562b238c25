/**
 * Console timings. Defaults suit production; an operator (or a test) may override them before the app
 * starts by defining `window.__ZSTACK_CONSOLE_CONFIG__` (for instance from a script served by the proxy).
 */
export interface ConsoleConfig {
  /** Give up waiting for an async job after this long and say "still running, not confirmed". */
  jobTimeoutMs: number;
  /** Log the user out (behind a re-login dialog) after this long without keyboard or pointer input. */
  idleTimeoutMs: number;
  /** Warn this long before the idle timeout. */
  idleWarningMs: number;
  /** Never keep a console session longer than this, active or not. */
  absoluteTimeoutMs: number;
}

const defaults: ConsoleConfig = {
  jobTimeoutMs: 120_000,
  idleTimeoutMs: 30 * 60_000,
  idleWarningMs: 2 * 60_000,
  absoluteTimeoutMs: 8 * 60 * 60_000,
};

declare global {
  interface Window {
    __ZSTACK_CONSOLE_CONFIG__?: Partial<ConsoleConfig>;
  }
}

export function consoleConfig(): ConsoleConfig {
  const overrides = typeof window === 'undefined' ? undefined : window.__ZSTACK_CONSOLE_CONFIG__;
  const merged = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof ConsoleConfig)[]) {
    const value = overrides?.[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) merged[key] = value;
  }
  return merged;
}
