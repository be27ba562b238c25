/**
 * Load balancer backends: the API table. The three writes follow LoadBalancerApiInterceptor check by check,
 * one file each: lb/add.ts, lb/remove.ts, lb/change.ts. What a group may take: candidates.ts.
 */
import { API } from '../model/constants.ts';
import type { ActionApiDef } from '../rest/api.ts';
import { addBackendServers } from './lb/add.ts';
import { changeBackendServers } from './lb/change.ts';
import { serialKeyOfGroup } from './lb/common.ts';
import { removeBackendServers } from './lb/remove.ts';
import { RES } from './resources.ts';

const groupParams = [
  { name: 'serverGroupUuid', type: 'string', required: true, resource: RES.serverGroup },
] as const;

export const LB_APIS: ActionApiDef[] = [
  {
    name: API.addBackend,
    method: 'POST',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendservers',
    mode: 'async',
    needSession: true,
    paramName: 'params',
    params: [...groupParams, { name: 'vmNics', type: 'mapList' }, { name: 'servers', type: 'mapList' }],
    serialKey: serialKeyOfGroup,
    run: addBackendServers,
  },
  {
    name: API.removeBackend,
    method: 'PUT',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendservers/actions',
    mode: 'async',
    needSession: true,
    paramName: 'removeBackendServerFromServerGroup',
    params: [
      ...groupParams,
      { name: 'vmNicUuids', type: 'stringList', resource: RES.vmNic },
      { name: 'serverIps', type: 'stringList' },
    ],
    serialKey: serialKeyOfGroup,
    run: removeBackendServers,
  },
  {
    name: API.changeBackend,
    method: 'PUT',
    path: '/load-balancers/servergroups/{serverGroupUuid}/backendserver/actions',
    mode: 'async',
    needSession: true,
    paramName: 'changeLoadBalancerBackendServer',
    params: [...groupParams, { name: 'vmNics', type: 'mapList' }, { name: 'servers', type: 'mapList' }],
    serialKey: serialKeyOfGroup,
    run: changeBackendServers,
  },
];
