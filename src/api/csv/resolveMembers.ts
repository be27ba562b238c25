import type { MemberImport } from '../../lib/csv/members';
import { q } from '../query';
import type { VirtualId } from '../schemas';
import { paths, readIn, type Lookups } from './lookups';

/** A virtual ID row of an imported file (src/lib/csv/members.ts reads them). */
export type MemberRowInput = MemberImport;

/** Ready for the add-to-group selection. */
export interface ResolvedMember {
  uuid: string;
  name: string;
  state?: string | null;
}

export type MemberReason =
  'unknownVirtualId' | 'ambiguousName' | 'notInProject' | 'alreadyMember' | 'staled' | 'duplicate';

export type MemberOutcome =
  | { line: number; status: 'resolved'; member: ResolvedMember }
  | { line: number; status: 'unresolved'; reason: MemberReason; detail?: string };

export interface TargetVirtualIdGroup {
  groupUuid: string;
  projectUuid: string;
  /** The group's members, when the console has the complete set; else ZStack is asked (`groups.uuid`). */
  members?: ReadonlySet<string>;
}

/**
 * Resolves imported virtual ID rows (uuids or names) in batches: which exist (a name may be ambiguous),
 * which are in the group's project, which are members already, which are Staled (ZStack refuses them).
 * Two rounds of reads whatever the number of rows.
 */
export async function resolveMembers(
  rows: readonly MemberRowInput[],
  group: TargetVirtualIdGroup,
  lookups: Lookups,
): Promise<MemberOutcome[]> {
  const fields = { fields: ['uuid', 'name', 'state'] };
  const [byUuid, byName] = await Promise.all([
    readIn(
      lookups.virtualIds,
      paths.virtualIds,
      'uuid',
      rows.flatMap((r) => (r.uuid ? [r.uuid] : [])),
      fields,
    ),
    readIn(
      lookups.virtualIds,
      paths.virtualIds,
      'name',
      rows.flatMap((r) => (r.uuid === undefined ? [r.name] : [])),
      fields,
    ),
  ]);
  const vidByUuid = new Map<string, VirtualId>([...byUuid, ...byName].map((v) => [v.uuid, v]));
  const named = new Map<string, VirtualId[]>();
  for (const v of byName) named.set(v.name, [...(named.get(v.name) ?? []), v]);

  const found = [...vidByUuid.keys()];
  const ids = { fields: ['uuid', 'name'] };
  const [inProject, members] = await Promise.all([
    readIn(lookups.virtualIds, paths.virtualIds, 'uuid', found, {
      ...ids,
      q: [q.eq('projects.uuid', group.projectUuid)],
    }),
    group.members
      ? Promise.resolve(undefined)
      : readIn(lookups.virtualIds, paths.virtualIds, 'uuid', found, {
          ...ids,
          q: [q.eq('groups.uuid', group.groupUuid)],
        }),
  ]);
  const projectMembers = new Set(inProject.map((v) => v.uuid));
  const groupMembers = group.members ?? new Set(members?.map((v) => v.uuid));

  const seen = new Map<string, number>();
  return rows.map((row): MemberOutcome => {
    const { line } = row;
    const no = (reason: MemberReason, detail?: string): MemberOutcome => ({
      line,
      status: 'unresolved',
      reason,
      detail,
    });
    let vid: VirtualId | undefined;
    if (row.uuid !== undefined) vid = vidByUuid.get(row.uuid);
    else {
      const candidates = named.get(row.name) ?? [];
      if (candidates.length > 1) return no('ambiguousName', row.name);
      vid = candidates[0];
    }
    if (!vid) return no('unknownVirtualId', row.uuid ?? row.name);
    if (!projectMembers.has(vid.uuid)) return no('notInProject', vid.name);
    if (groupMembers.has(vid.uuid)) return no('alreadyMember', vid.name);
    if (vid.state === 'Staled') return no('staled', vid.name);
    const first = seen.get(vid.uuid);
    if (first) return no('duplicate', String(first));
    seen.set(vid.uuid, line);
    return { line, status: 'resolved', member: { uuid: vid.uuid, name: vid.name, state: vid.state } };
  });
}
