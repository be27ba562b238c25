import type { MemberItem, MemberUndo, MemberWrite, Skipped } from './types';

const unique = (list: readonly string[]) => [...new Set(list)];

/**
 * What undoing a membership write must put back, from the members just before it (`before`: at least the
 * virtual IDs the write named): the virtual IDs an add made members (not those that already were: adding
 * one twice leaves it there once), the members a remove took out (not those that were not members).
 */
export function undoMemberWrite(write: MemberWrite, before: ReadonlySet<string>): MemberUndo {
  const adding = write.api === 'AddIAM2VirtualIDsToGroup';
  const items: MemberItem[] = [];
  const unchanged: string[] = [];
  for (const uuid of unique(write.virtualIDUuids)) {
    const was = before.has(uuid);
    if (was === adding) unchanged.push(uuid);
    else items.push({ uuid, before: was, after: adding });
  }
  return { of: write, groupUuid: write.groupUuid, items, unchanged };
}

export interface VirtualIdNow {
  state?: string | null;
  /** A member of the group's project (ZStack refuses to add one that is not). */
  inProject: boolean;
}

export interface MemberFacts {
  /** The virtual IDs to put back as they are now; one missing from the map no longer exists. */
  virtualIds?: ReadonlyMap<string, VirtualIdNow>;
}

export interface MemberUndoPlan {
  write?: MemberWrite;
  restores: MemberItem[];
  skipped: Skipped<string>[];
  changedSince: boolean;
}

/**
 * The undo against the members now: a virtual ID leaves only if the write added it and it is still a
 * member; one comes back only if the write removed it, it is still out, and ZStack would take it.
 */
export function planMemberUndo(
  undo: MemberUndo,
  members: ReadonlySet<string>,
  facts: MemberFacts = {},
): MemberUndoPlan {
  const restores: MemberItem[] = [];
  const skipped: Skipped<string>[] = [];
  let changedSince = false;
  for (const item of undo.items) {
    const now = members.has(item.uuid);
    if (now !== item.after) changedSince = true;
    const vid = facts.virtualIds?.get(item.uuid);
    if (now === item.before) skipped.push({ key: item.uuid, reason: 'alreadyRestored' });
    else if (item.before && facts.virtualIds && !vid)
      skipped.push({ key: item.uuid, reason: 'virtualIdGone' });
    else if (item.before && vid?.state === 'Staled')
      skipped.push({ key: item.uuid, reason: 'virtualIdStaled' });
    else if (item.before && vid && !vid.inProject) skipped.push({ key: item.uuid, reason: 'notInProject' });
    else restores.push(item);
  }
  const uuids = restores.map((i) => i.uuid);
  const write: MemberWrite | undefined = uuids.length
    ? {
        api:
          undo.of.api === 'AddIAM2VirtualIDsToGroup'
            ? 'RemoveIAM2VirtualIDsFromGroup'
            : 'AddIAM2VirtualIDsToGroup',
        groupUuid: undo.groupUuid,
        virtualIDUuids: uuids,
      }
    : undefined;
  return { write, restores, skipped, changedSince };
}
