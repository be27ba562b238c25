import * as z from 'zod/mini';
import { zstack } from '../client';
import { readIn } from '../csv/lookups';
import { q, runQuery, type ZQuery } from '../query';
import { groupSchema, parseInventories, serverGroupSchema, type ServerGroup } from '../schemas';

/** The reads an undo needs, in batches of `uuid?=` that keep every request line under 8 KB. */
const virtualIdsPath = '/iam2/virtual-ids';
const nicsPath = '/vm-instances/nics';

const vidRow = z.looseObject({
  uuid: z.string(),
  name: z.optional(z.nullable(z.string())),
  state: z.optional(z.nullable(z.string())),
});
const nicRow = z.looseObject({
  uuid: z.string(),
  ip: z.optional(z.nullable(z.string())),
  vmInstanceUuid: z.optional(z.nullable(z.string())),
});
const named = z.looseObject({ uuid: z.string(), name: z.optional(z.nullable(z.string())) });

/** The group with its NIC refs and server IPs; null when it no longer exists. */
export async function readServerGroup(uuid: string, signal?: AbortSignal): Promise<ServerGroup | null> {
  const path = `/load-balancers/servergroups/${uuid}`;
  const data = await zstack.get<unknown>(path, undefined, { signal });
  return parseInventories(serverGroupSchema, data, path).inventories[0] ?? null;
}

/** Which of these virtual IDs are members of the group now, with their names. */
export async function membersAmong(
  groupUuid: string,
  uuids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const read = (query: ZQuery) => runQuery(virtualIdsPath, vidRow, query, { signal });
  const rows = await readIn(read, virtualIdsPath, 'uuid', uuids, {
    q: [q.eq('groups.uuid', groupUuid)],
    fields: ['uuid', 'name'],
  });
  return new Map(rows.map((r) => [r.uuid, r.name ?? r.uuid]));
}

export interface VirtualIdState {
  name: string;
  state?: string | null;
  inProject: boolean;
}

/**
 * The virtual IDs as they are now (one missing no longer exists), and whether each is in the group's
 * project: what ZStack checks before it adds one to a group.
 */
export async function virtualIdStates(
  groupUuid: string,
  uuids: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, VirtualIdState>> {
  const read = (query: ZQuery) => runQuery(virtualIdsPath, vidRow, query, { signal });
  const groups = await runQuery(
    '/iam2/projects/groups',
    groupSchema,
    { q: [q.eq('uuid', groupUuid)], limit: 1 },
    { signal },
  );
  const projectUuid = groups.inventories[0]?.projectUuid;
  const fields = ['uuid', 'name', 'state'];
  const [all, inProject] = await Promise.all([
    readIn(read, virtualIdsPath, 'uuid', uuids, { fields }),
    projectUuid
      ? readIn(read, virtualIdsPath, 'uuid', uuids, { q: [q.eq('projects.uuid', projectUuid)], fields })
      : Promise.resolve(undefined),
  ]);
  const inside = inProject && new Set(inProject.map((v) => v.uuid));
  return new Map(
    all.map((v) => [
      v.uuid,
      { name: v.name ?? v.uuid, state: v.state, inProject: inside ? inside.has(v.uuid) : true },
    ]),
  );
}

/** VM NICs by uuid and by IP: which still exist (with their IP and VM name), and which hold these IPs now. */
export async function nicsByUuidOrIp(
  uuids: readonly string[],
  ips: readonly string[],
  signal?: AbortSignal,
): Promise<{ nics: Map<string, { ip: string; vmName: string }>; holders: { uuid: string; ip: string }[] }> {
  const read = (query: ZQuery) => runQuery(nicsPath, nicRow, query, { signal });
  const fields = ['uuid', 'ip', 'vmInstanceUuid'];
  const [byUuid, byIp] = await Promise.all([
    uuids.length ? readIn(read, nicsPath, 'uuid', uuids, { fields }) : [],
    ips.length ? readIn(read, nicsPath, 'ip', ips, { fields }) : [],
  ]);
  const vmUuids = byUuid.flatMap((n) => (n.vmInstanceUuid ? [n.vmInstanceUuid] : []));
  const readVm = (query: ZQuery) => runQuery('/vm-instances', named, query, { signal });
  const vms = vmUuids.length
    ? await readIn(readVm, '/vm-instances', 'uuid', vmUuids, { fields: ['uuid', 'name'] })
    : [];
  const vmName = new Map(vms.map((v) => [v.uuid, v.name ?? '']));
  return {
    nics: new Map(
      byUuid.map((n) => [n.uuid, { ip: n.ip ?? '', vmName: vmName.get(n.vmInstanceUuid ?? '') ?? '' }]),
    ),
    holders: byIp.flatMap((n) => (n.ip ? [{ uuid: n.uuid, ip: n.ip }] : [])),
  };
}
