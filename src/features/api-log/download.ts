import { exportLog } from '../../api/log/export';
import type { ApiLogEntry } from '../../api/log/types';

/** The file name of an export: `zstack-api-log-2026-12-01T12-30-05.json` (UTC). */
export function exportFileName(at: Date): string {
  return `zstack-api-log-${at.toISOString().slice(0, 19).replaceAll(':', '-')}.json`;
}

/** Saves the entries the panel shows as a JSON file (src/api/log/export.ts), through the browser's download. */
export function exportShown(entries: readonly ApiLogEntry[], at = new Date()): void {
  const blob = new Blob([exportLog(entries, at)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(at);
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // the download has its own copy once it started
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
