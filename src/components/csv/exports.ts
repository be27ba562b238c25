import { saveText } from '../../lib/download';
import { backendExportRows, memberExportRows } from '../../api/csv/exportRows';
import { zstackLookups } from '../../api/csv/lookups';
import type { ServerGroup } from '../../api/schemas';
import { backendsToCsv } from '../../lib/csv/backends';
import { membersToCsv } from '../../lib/csv/members';

/** A CSV file to save: its text, its rows (the header not counted) and its name. */
export interface CsvFile {
  text: string;
  rows: number;
  fileName: string;
}

/** A name that every file system takes: letters (any script), digits, dot, dash and underscore. */
const safe = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80) || 'unnamed';

/** Every backend of a server group (the group holds them all; their names come in batches). */
export async function backendsCsv(group: ServerGroup, signal?: AbortSignal): Promise<CsvFile> {
  const rows = await backendExportRows(group, zstackLookups(signal));
  return {
    text: await backendsToCsv(rows),
    rows: rows.length,
    fileName: `server-group-${safe(group.name)}-backends.csv`,
  };
}

/** Every member of a virtual ID group, read a page of 1000 at a time. */
export async function membersCsv(
  group: { uuid: string; name: string },
  signal?: AbortSignal,
): Promise<CsvFile> {
  const rows = await memberExportRows(group.uuid, zstackLookups(signal));
  return {
    text: await membersToCsv(rows),
    rows: rows.length,
    fileName: `virtual-id-group-${safe(group.name)}-members.csv`,
  };
}

/** Hands the file to the browser's download. */
export function saveFile(file: CsvFile): void {
  saveText(file.fileName, file.text, 'text/csv;charset=utf-8');
}
