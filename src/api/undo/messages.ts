import type { SkipReason } from './types';

/** What the undo confirmation says about a backend or member it leaves as it is, by reason. */
export const skipMessages: Record<SkipReason, (what: string, weightNow?: number) => string> = {
  alreadyRestored: (what) => `${what} is already as it was before`,
  removedSince: (what) => `${what} was removed since; it stays removed`,
  replacedSince: (what) => `${what} was removed and added again since; the undo leaves it`,
  weightChangedSince: (what, w) => `${what} was changed since (weight now ${w ?? '?'}); the undo leaves it`,
  addedSince: (what, w) => `${what} was added again since (weight ${w ?? '?'}); the undo leaves it`,
  nicGone: (what) => `${what} no longer exists; it cannot be put back`,
  ipTaken: (what) => `A member VM NIC now has the IP ${what}; ZStack would refuse it`,
  virtualIdGone: (what) => `${what} no longer exists; it cannot be put back`,
  virtualIdStaled: (what) => `${what} is Staled; ZStack refuses to add it`,
  notInProject: (what) => `${what} is no longer in the group's project; ZStack refuses to add it`,
};

export const undoMessages = {
  nothingToUndo: 'Nothing to undo: everything is already as it was, or was changed since by someone else.',
  changedSince: 'Someone changed this since. The undo restores only what is still as your change left it:',
} as const;
