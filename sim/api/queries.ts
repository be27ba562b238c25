import { API } from '../model/constants.ts';
import {
  accountKind,
  attributeKind,
  groupKind,
  l3Kind,
  listenerKind,
  loadBalancerKind,
  projectKind,
  roleKind,
  serverGroupKind,
  systemTagKind,
  vipKind,
  virtualIdKind,
  vmKind,
  vmNicKind,
  type RootKindDef,
} from '../query/kinds.ts';
import type { QueryApiDef } from '../rest/api.ts';

function query(name: string, path: string, kind: RootKindDef<{ uuid: string }>): QueryApiDef[] {
  return [
    { name, method: 'GET', path, mode: 'query', needSession: true, kind },
    { name, method: 'GET', path: `${path}/{uuid}`, mode: 'query', needSession: true, kind },
  ];
}

/** Query APIs: GET <path>?q=... and GET <path>/{uuid}. */
export const QUERY_APIS: QueryApiDef[] = [
  ...query(API.queryLb, '/load-balancers', loadBalancerKind),
  ...query(API.queryListener, '/load-balancers/listeners', listenerKind),
  ...query(API.queryServerGroup, '/load-balancers/servergroups', serverGroupKind),
  ...query(API.queryNic, '/vm-instances/nics', vmNicKind),
  ...query(API.queryVm, '/vm-instances', vmKind),
  ...query(API.queryL3, '/l3-networks', l3Kind),
  ...query(API.queryVip, '/vips', vipKind),
  ...query(API.queryAccount, '/accounts', accountKind),
  ...query(API.queryRole, '/identities/roles', roleKind),
  ...query(API.queryProject, '/iam2/projects', projectKind),
  ...query(API.queryGroup, '/iam2/projects/groups', groupKind),
  ...query(API.queryVid, '/iam2/virtual-ids', virtualIdKind),
  ...query(API.queryVidAttribute, '/iam2/virtual-ids/attributes', attributeKind),
  ...query(API.querySystemTag, '/system-tags', systemTagKind),
];
