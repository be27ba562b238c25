/**
 * IAM2 virtual ID groups. IAM2's server is closed source: the validation below is inferred
 * (see README "Inferred behaviour") and uses messages from ZStack's own message catalogue where one fits.
 */
import { inerr, operr } from '../core/errors.ts';
import { ownsTarget, viewerOf, type Identity } from '../core/rbac.ts';
import type { SimState } from '../core/state.ts';
import { API } from '../model/constants.ts';
import { virtualIdInventory } from '../model/inventory.ts';
import type { VirtualId, VirtualIdGroup } from '../model/types.ts';
import { virtualIdKind } from '../query/kinds.ts';
import type { ActionApiDef, ApiCall } from '../rest/api.ts';
import type { Params } from '../rest/params.ts';
import { i18n } from '../i18n/index.ts';
import { RES } from './resources.ts';

function need<T>(v: T | undefined): T {
  if (v === undefined) throw new Error('missing value after parameter checks');
  return v;
}

function targetGroup(call: ApiCall): { group: VirtualIdGroup; id: Identity } {
  const id = need(call.identity);
  const w = call.state.world;
  const group = need(w.groups.get(call.params.str('groupUuid')));
  const project = need(w.projects.get(group.projectUuid));
  if (!ownsTarget(id, project.linkedAccountUuid)) {
    throw operr(
      'permission denied, the account[uuid:%s] is not the owner of the resource[uuid:%s, type:%s]',
      id.accountUuid,
      group.uuid,
      'IAM2VirtualIDGroupVO',
    );
  }
  return { group, id };
}

function uuidsOf(params: Params): string[] {
  return [
    ...new Set(
      (params.list('virtualIDUuids') ?? []).filter((u): u is string => u !== null).map((u) => u.trim()),
    ),
  ];
}

function addVirtualIds(call: ApiCall): unknown {
  const w = call.state.world;
  const { group } = targetGroup(call);
  const vids = uuidsOf(call.params).map((u) => need(w.virtualIds.get(u)));
  const outsider = vids.find((v) => !v.projectUuids.has(group.projectUuid));
  if (outsider) throw operr('virtualID[uuid:%s] not in project[uuid:%s]', outsider.uuid, group.projectUuid);
  const stale = vids.filter((v) => v.state === 'Staled').map((v) => v.uuid);
  if (stale.length) throw operr('can not operate stale virtual ids: %s', stale);
  for (const v of vids) {
    group.memberUuids.add(v.uuid);
    v.groupUuids.add(group.uuid);
  }
  return {};
}

function removeVirtualIds(call: ApiCall): unknown {
  const w = call.state.world;
  const { group } = targetGroup(call);
  for (const u of uuidsOf(call.params)) {
    group.memberUuids.delete(u);
    w.virtualIds.get(u)?.groupUuids.delete(group.uuid);
  }
  return {};
}

function virtualIdsInGroup(call: ApiCall): unknown {
  const { state, params } = call;
  const w = state.world;
  const group = need(w.groups.get(params.str('groupUuid')));
  const viewer = viewerOf(need(call.identity));
  let members = [...group.memberUuids]
    .map((u) => w.virtualIds.get(u))
    .filter((v): v is VirtualId => v !== undefined);
  if (!viewer.all) members = members.filter((v) => virtualIdKind.visible(viewer, v, w));
  const sortBy = params.str('sortBy');
  if (sortBy !== undefined) {
    const field = virtualIdKind.fields[sortBy];
    if (!field)
      throw inerr(
        '%s',
        i18n(
          "invalid order by clause, inventory[%s] doesn't have field[%s]",
          virtualIdKind.inventoryClass,
          sortBy,
        ),
      );
    const dir = params.str('sortDirection') === 'desc' ? -1 : 1;
    const key = (v: VirtualId) => {
      const x = field.get(v, w);
      return typeof x === 'string' ? x.toLowerCase() : (x ?? '');
    };
    members = [...members].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return dir * (x < y ? -1 : x > y ? 1 : 0);
    });
  }
  const total = members.length;
  if (params.bool('count')) return { total };
  const start = Math.max(0, params.num('start') ?? 0);
  const limit = Math.max(0, params.num('limit') ?? 1000);
  const inventories = members.slice(start, start + limit).map(virtualIdInventory);
  return params.bool('replyWithCount') ? { inventories, total } : { inventories };
}

const serialKeyOfGroup = (_state: SimState, params: Params): string | undefined => {
  const g = params.str('groupUuid')?.trim();
  return g ? `group:${g}` : undefined;
};

const membershipParams = [
  { name: 'virtualIDUuids', type: 'stringList', required: true, nonempty: true, resource: RES.virtualId },
  { name: 'groupUuid', type: 'string', required: true, resource: RES.group },
] as const;

export const IAM2_APIS: ActionApiDef[] = [
  {
    name: API.addVidsToGroup,
    method: 'POST',
    path: '/iam2/projects/groups/{groupUuid}/virtual-ids',
    mode: 'async',
    needSession: true,
    paramName: 'params',
    params: [...membershipParams],
    serialKey: serialKeyOfGroup,
    run: addVirtualIds,
  },
  {
    name: API.removeVidsFromGroup,
    method: 'DELETE',
    path: '/iam2/projects/groups/{groupUuid}/virtual-ids',
    mode: 'async',
    needSession: true,
    params: [...membershipParams],
    serialKey: serialKeyOfGroup,
    run: removeVirtualIds,
  },
  {
    name: API.vidsInGroup,
    method: 'GET',
    path: '/iam2/IAM2VirtualIDGroup/IAM2VirtualID',
    mode: 'sync',
    needSession: true,
    params: [
      { name: 'groupUuid', type: 'string', required: true, resource: RES.group },
      { name: 'limit', type: 'int' },
      { name: 'start', type: 'int' },
      { name: 'count', type: 'boolean' },
      { name: 'sortDirection', type: 'string', validValues: ['asc', 'desc'] },
      { name: 'sortBy', type: 'string' },
      { name: 'replyWithCount', type: 'boolean' },
    ],
    run: virtualIdsInGroup,
  },
];
