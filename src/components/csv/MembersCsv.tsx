import type { ResolvedMember } from '../../api/csv/resolveMembers';
import { useT } from '../../i18n/react';
import { CsvExportButton } from './CsvExportButton';
import { CsvImportButton } from './CsvImportButton';

interface VirtualIdGroup {
  uuid: string;
  name: string;
}

/** "Export CSV" of a virtual ID group's members: every one (name, uuid, state, type). */
export function MembersCsvExport({ group }: { group: VirtualIdGroup }) {
  const t = useT();
  return (
    <CsvExportButton
      label={t('csv.export.membersLabel', { group: group.name })}
      file={async (signal) => (await import('./exports')).membersCsv(group, signal)}
    />
  );
}

export interface MembersCsvImportProps {
  group: VirtualIdGroup;
  projectUuid: string;
  /** Uuids of the virtual IDs chosen now (read when the check runs). */
  staged: () => readonly string[];
  onStage: (members: ResolvedMember[]) => void;
  disabled?: boolean;
}

/**
 * "Import CSV" into the virtual IDs to be added: names or uuids, resolved against ZStack in batches;
 * unknown, ambiguous, out-of-project, Staled, member and already chosen ones are refused, row by row.
 */
export function MembersCsvImport({ group, projectUuid, staged, onStage, disabled }: MembersCsvImportProps) {
  const t = useT();
  const check = async (text: string, signal: AbortSignal) => {
    const { previewMembers, zstackLookups } = await import('./preview');
    return previewMembers(
      text,
      { groupUuid: group.uuid, projectUuid },
      new Set(staged()),
      zstackLookups(signal),
    );
  };
  return (
    <CsvImportButton<ResolvedMember>
      label={t('csv.import.membersLabel', { group: group.name })}
      title={t('csv.import.membersTitle')}
      help={t('csv.import.membersHelp')}
      check={check}
      onStage={onStage}
      disabled={disabled}
    />
  );
}
