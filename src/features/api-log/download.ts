import { saveText } from '../../lib/download';
import { exportLog } from '../../api/log/export';
import type { ApiLogEntry } from '../../api/log/types';

/** The file name of an export: `zstack-api-log-2026-12-01T12-30-05.json` (UTC). */
export function exportFileName(at: Date): string {
  return `zstack-api-log-${at.toISOString().slice(0, 19).replaceAll(':', '-')}.json`;
}

/** Saves the entries the panel shows as a JSON file (src/api/log/export.ts), through the browser's download. */
export function exportShown(entries: readonly ApiLogEntry[], at = new Date()): void {
  saveText(exportFileName(at), exportLog(entries, at), 'application/json');
}
