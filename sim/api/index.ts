import type { SimState } from '../core/state.ts';
import { zwatchOn } from '../model/zwatch.ts';
import type { SimOptions } from '../options.ts';
import type { ApiDef } from '../rest/api.ts';
import { Router, type Match } from '../rest/router.ts';
import { AUTH_APIS } from './auth.ts';
import { CANDIDATE_APIS } from './candidates.ts';
import { IAM2_APIS } from './iam2.ts';
import { LB_APIS } from './lb.ts';
import { QUERY_APIS } from './queries.ts';
import { ZWATCH_APIS } from './zwatch.ts';

export const ALL_APIS: ApiDef[] = [...AUTH_APIS, ...LB_APIS, ...CANDIDATE_APIS, ...IAM2_APIS, ...QUERY_APIS];

/** Routes ZWatch's API only while ZWatch is on: SIM_ZWATCH, or /__sim/zwatch until the next reset. */
class ZWatchSwitch extends Router {
  private readonly withZWatch = new Router([...ALL_APIS, ...ZWATCH_APIS]);

  constructor(private readonly on: () => boolean) {
    super(ALL_APIS);
  }

  override match(method: string, apiPath: string, fullPath: string): Match {
    return this.on()
      ? this.withZWatch.match(method, apiPath, fullPath)
      : super.match(method, apiPath, fullPath);
  }
}

/** SIM_ZWATCH of each simulator, for /__sim/zwatch. */
export const ZWATCH_DEFAULT = new WeakMap<SimState, boolean>();

export function routerFor(state: SimState, options: Pick<SimOptions, 'zwatch'>): Router {
  ZWATCH_DEFAULT.set(state, options.zwatch);
  return new ZWatchSwitch(() => zwatchOn(state.world, options.zwatch));
}
