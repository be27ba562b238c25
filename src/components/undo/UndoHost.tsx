import { useSyncExternalStore } from 'react';
import { undoRecords } from '../../api/undo/records';
import { requestUndo, useRequestedUndo } from './undoRequests';
import { onClearCachedData } from '../../session/cachedData';
import { getSessionState, subscribeSession } from '../../session/store';
import { UndoDialog } from './UndoDialog';

// Logged out (here or in another tab), or another identity logged in: the records go with the session.
const forget = () => {
  undoRecords.clear();
  requestUndo(undefined);
};
subscribeSession(() => {
  if (getSessionState().status === 'anonymous') forget();
});
onClearCachedData(forget);

/** The undo dialog of the record the admin asked to undo; mounted once, in the app shell. */
export function UndoHost() {
  const id = useRequestedUndo();
  const record = useSyncExternalStore(undoRecords.subscribe, () =>
    id === undefined ? undefined : undoRecords.get(id),
  );
  if (!record) return null;
  return <UndoDialog key={record.id} record={record} onClose={() => requestUndo(undefined)} />;
}
