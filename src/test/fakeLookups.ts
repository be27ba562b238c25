import { queryParams, type QueryResult, type ZQuery } from '../api/query';
import type { L3Network, VirtualId, VmInstance, VmNic } from '../api/schemas';
import type { Lookups } from '../api/csv/lookups';

/**
 * Lookups over in-memory inventories for unit tests, with ZStack's `=` and `?=` conditions (relations
 * through `projects.uuid` / `groups.uuid` from the given maps), limit and start, and every request line
 * recorded.
 */
export interface FakeWorld {
  nics?: VmNic[];
  vms?: VmInstance[];
  l3s?: L3Network[];
  vids?: VirtualId[];
  /** virtual ID uuid → its projects / groups. */
  projectsOf?: Map<string, string[]>;
  groupsOf?: Map<string, string[]>;
}

export function fakeLookups(world: FakeWorld) {
  const lines: string[] = [];
  function read<T extends { uuid: string }>(
    path: string,
    items: T[],
    related: (item: T, field: string) => string[],
  ) {
    return async (query: ZQuery): Promise<QueryResult<T>> => {
      lines.push(`GET /zstack/v1${path}?${queryParams(query)} HTTP/1.1`);
      if (!query.limit) throw new Error('a read without a limit');
      const conditions = (query.q ?? []).flatMap((c) => {
        if (!c) return [];
        const m = /^([\w.]+)(\?=|=)(.*)$/.exec(c);
        if (!m) throw new Error(`condition ${c}`);
        const [, field, op, value] = m as unknown as [string, string, string, string];
        return [{ field, want: new Set(op === '?=' ? value.split(',') : [value]) }];
      });
      const valueOf = (item: T, field: string) =>
        field.includes('.') ? related(item, field) : [String((item as Record<string, unknown>)[field] ?? '')];
      const matches = items.filter((item) =>
        conditions.every(({ field, want }) => valueOf(item, field).some((h) => want.has(h))),
      );
      const start = query.start ?? 0;
      return { inventories: matches.slice(start, start + query.limit), total: matches.length };
    };
  }
  const none = () => [];
  const vids = world.vids ?? [];
  const lookups: Lookups = {
    nics: read('/vm-instances/nics', world.nics ?? [], none),
    vms: read('/vm-instances', world.vms ?? [], none),
    l3Networks: read('/l3-networks', world.l3s ?? [], none),
    virtualIds: read('/iam2/virtual-ids', vids, (v, field) =>
      field === 'projects.uuid' ? (world.projectsOf?.get(v.uuid) ?? []) : (world.groupsOf?.get(v.uuid) ?? []),
    ),
    groupMembers: async (groupUuid, start, limit) => {
      lines.push(
        `GET /zstack/v1/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${groupUuid}&limit=${limit}&start=${start} HTTP/1.1`,
      );
      const members = vids.filter((v) => world.groupsOf?.get(v.uuid)?.includes(groupUuid));
      return { inventories: members.slice(start, start + limit), total: members.length };
    },
  };
  return { lookups, lines };
}
