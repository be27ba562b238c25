/** The console's five writes, as parameters (what was sent), independent of the wire form. */
export interface NicWeight {
  uuid: string;
  /** Absent on an add: ZStack's default, 100. */
  weight?: number;
}
export interface IpWeight {
  ipAddress: string;
  weight?: number;
}

export type BackendWrite =
  | { api: 'AddBackendServerToServerGroup'; groupUuid: string; vmNics: NicWeight[]; servers: IpWeight[] }
  | {
      api: 'RemoveBackendServerFromServerGroup';
      groupUuid: string;
      vmNicUuids: string[];
      serverIps: string[];
    }
  | {
      api: 'ChangeLoadBalancerBackendServer';
      groupUuid: string;
      vmNics: Required<NicWeight>[];
      servers: Required<IpWeight>[];
    };

export type MemberWrite =
  | { api: 'AddIAM2VirtualIDsToGroup'; groupUuid: string; virtualIDUuids: string[] }
  | { api: 'RemoveIAM2VirtualIDsFromGroup'; groupUuid: string; virtualIDUuids: string[] };

export type Write = BackendWrite | MemberWrite;

/** A backend of a server group: a VM NIC by uuid, or a server IP. */
export type BackendKey = { kind: 'nic'; uuid: string } | { kind: 'ip'; ipAddress: string };

/** A backend's state: absent, or present with its weight (and ZStack's row id, when known). */
export type Presence = { present: false } | { present: true; weight: number; id?: string | number };

/** One backend the write changed: how it was before, and how the write left it. */
export interface BackendItem {
  key: BackendKey;
  before: Presence;
  after: Presence;
}

export interface BackendUndo {
  of: BackendWrite;
  groupUuid: string;
  items: BackendItem[];
  /** Entries of the write that changed nothing (already a member, not in the group, same weight). */
  unchanged: BackendKey[];
}

/** One virtual ID whose membership the write changed. */
export interface MemberItem {
  uuid: string;
  before: boolean;
  after: boolean;
}

export interface MemberUndo {
  of: MemberWrite;
  groupUuid: string;
  items: MemberItem[];
  /** Virtual IDs of the write whose membership it did not change (added while a member, removed while not). */
  unchanged: string[];
}

/** Why an undo leaves an item as it is now. */
export type SkipReason =
  /** It is already as it was before the write. */
  | 'alreadyRestored'
  /** Gone since the write (someone removed it). */
  | 'removedSince'
  /** Removed and added again since (another row): not what the write added. */
  | 'replacedSince'
  /** Its weight was changed since. */
  | 'weightChangedSince'
  /** Added since by someone else. */
  | 'addedSince'
  /** The VM NIC no longer exists. */
  | 'nicGone'
  /** A member NIC now has this IP: ZStack refuses a server IP that repeats one. */
  | 'ipTaken'
  /** The virtual ID no longer exists, is Staled, or left the group's project: ZStack refuses to add it. */
  | 'virtualIdGone'
  | 'virtualIdStaled'
  | 'notInProject';

export interface Skipped<K> {
  key: K;
  reason: SkipReason;
  /** The weight it has now, when that is the reason. */
  weightNow?: number;
}
