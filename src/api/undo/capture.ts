import type { QueryKey } from '@tanstack/react-query';
import { buildUrl } from '../client';
import type { AsyncRequest } from '../jobs';
import { parseInventory, serverGroupSchema, type ServerGroup } from '../schemas';
import { undoBackendWrite } from './backends';
import { undoMemberWrite } from './members';
import { membersAmong, readServerGroup } from './reads';
import { undoRecords, type UndoData, type UndoStore } from './records';
import type { BackendWrite, MemberWrite, Write } from './types';
import { writeOf } from './wire';

/** A write seen by the mutation layer, from before it is sent until it has succeeded. */
export interface UndoCapture {
  /** Reads the state before the write: the write is sent once it is in. */
  ready: Promise<void>;
  /** Call `index` of the write ended as job `jobUuid` with this result. */
  called(index: number, jobUuid: string, result: unknown): void;
  /**
   * Every call succeeded: keeps the undo record (with the queries the write refreshes); its id, or
   * undefined when there is nothing to undo.
   */
  finish(invalidates: readonly QueryKey[]): string | undefined;
}

function writeOfRequest(r: AsyncRequest): Write | undefined {
  const [path = '', query = ''] = buildUrl(r.path, r.query).split('?');
  return writeOf(r.method, path, r.body, query);
}

/** The calls of one write (a long removal goes in several) as one write; undefined if they differ. */
export function mergeWrites(writes: readonly Write[]): Write | undefined {
  const [first, ...rest] = writes;
  if (!first || rest.some((w) => w.api !== first.api || w.groupUuid !== first.groupUuid)) return undefined;
  if (!rest.length) return first;
  const all = writes as readonly (typeof first)[];
  switch (first.api) {
    case 'AddBackendServerToServerGroup':
    case 'ChangeLoadBalancerBackendServer': {
      const list = all as Extract<BackendWrite, { vmNics: unknown }>[];
      return {
        ...first,
        vmNics: list.flatMap((w) => w.vmNics),
        servers: list.flatMap((w) => w.servers),
      } as Write;
    }
    case 'RemoveBackendServerFromServerGroup': {
      const list = all as Extract<BackendWrite, { vmNicUuids: unknown }>[];
      return {
        ...first,
        vmNicUuids: list.flatMap((w) => w.vmNicUuids),
        serverIps: list.flatMap((w) => w.serverIps),
      };
    }
    default: {
      const list = all as MemberWrite[];
      return { ...first, virtualIDUuids: list.flatMap((w) => w.virtualIDUuids) };
    }
  }
}

const isBackendWrite = (w: Write): w is BackendWrite =>
  w.api === 'AddBackendServerToServerGroup' ||
  w.api === 'RemoveBackendServerFromServerGroup' ||
  w.api === 'ChangeLoadBalancerBackendServer';

function groupOf(result: unknown): ServerGroup | undefined {
  try {
    return parseInventory(serverGroupSchema, result, 'undo');
  } catch {
    return undefined;
  }
}

/**
 * Starts recording a write for undo, when every call of it is one of the five undoable writes of the same
 * group; undefined otherwise. Before it is sent, reads what the undo must put back: the group's backends
 * (their weights) before a removal or a weight change, which of the virtual IDs were members before a
 * membership change. An add needs no read: ZStack refuses a backend already in the group, so a successful
 * add added every one it named.
 */
export function beginUndoCapture(
  requests: readonly AsyncRequest[],
  signal?: AbortSignal,
  store: UndoStore = undoRecords,
): UndoCapture | undefined {
  const writes = requests.map(writeOfRequest);
  if (writes.some((w) => !w)) return undefined;
  const write = mergeWrites(writes as Write[]);
  if (!write) return undefined;
  const jobs: string[] = [];
  let last: unknown;
  let make: (() => UndoData) | undefined;

  const read = async () => {
    if (isBackendWrite(write)) {
      const before =
        write.api === 'AddBackendServerToServerGroup'
          ? { uuid: write.groupUuid, name: '', vmNicRefs: [], serverIps: [] }
          : await readServerGroup(write.groupUuid, signal);
      if (!before) return;
      make = () => ({ kind: 'backends', undo: undoBackendWrite(write, before, groupOf(last)) });
    } else {
      const members = await membersAmong(write.groupUuid, write.virtualIDUuids, signal);
      make = () => ({ kind: 'members', undo: undoMemberWrite(write, new Set(members.keys())) });
    }
  };
  // A failed read leaves this write without an undo; the write itself goes on.
  const ready = read().catch(() => {
    make = undefined;
  });

  return {
    ready,
    called(index, jobUuid, result) {
      jobs[index] = jobUuid;
      last = result;
    },
    finish(invalidates) {
      const data = make?.();
      if (!data || !data.undo.items.length || !jobs[0]) return undefined;
      const id = jobs[0];
      store.add({ id, at: Date.now(), jobUuids: jobs.filter(Boolean), data, invalidates });
      return id;
    },
  };
}
