import type { SimOptions } from '../options.ts';
import type { ApiDef } from '../rest/api.ts';
import { AUTH_APIS } from './auth.ts';
import { CANDIDATE_APIS } from './candidates.ts';
import { IAM2_APIS } from './iam2.ts';
import { LB_APIS } from './lb.ts';
import { QUERY_APIS } from './queries.ts';
import { ZWATCH_APIS } from './zwatch.ts';

export const ALL_APIS: ApiDef[] = [...AUTH_APIS, ...LB_APIS, ...CANDIDATE_APIS, ...IAM2_APIS, ...QUERY_APIS];

/** The APIs a node with these options serves: ZWatch's only when SIM_ZWATCH is on. */
export function apisFor(options: Pick<SimOptions, 'zwatch'>): ApiDef[] {
  return options.zwatch ? [...ALL_APIS, ...ZWATCH_APIS] : ALL_APIS;
}
