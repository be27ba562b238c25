import type { ResolvedBackend } from '../../api/csv/resolveBackends';
import type { ServerGroup } from '../../api/schemas';
import { useT } from '../../i18n/react';
import { canonicalIp } from '../../lib/ip';
import { CsvExportButton } from './CsvExportButton';
import { CsvImportButton } from './CsvImportButton';

/** "Export CSV" of a server group's backends: every one, with its VM, IP, network, weight and status. */
export function BackendsCsvExport({ group }: { group: ServerGroup }) {
  const t = useT();
  return (
    <CsvExportButton
      label={t('csv.export.backendsLabel', { group: group.name })}
      file={async (signal) => (await import('./exports')).backendsCsv(group, signal)}
    />
  );
}

/** What the add form holds, in the staged list's row shape. */
export type StagedBackendRow =
  { kind: 'nic'; nicUuid: string; ip: string } | { kind: 'ip'; ipAddress: string };

export interface BackendsCsvImportProps {
  group: ServerGroup;
  /** "SLB" or "Shared" (which takes no IP addresses); undefined while unknown. */
  lbType?: string;
  /** The rows staged now (read when the check runs). */
  staged: () => readonly StagedBackendRow[];
  onStage: (rows: ResolvedBackend[]) => void;
  disabled?: boolean;
}

/**
 * "Import CSV" into the list of backends to be added: NIC uuids, VM name + IP, or IP addresses, each
 * with a weight, resolved against ZStack in batches; rows the group or the list already has are refused.
 */
export function BackendsCsvImport({ group, lbType, staged, onStage, disabled }: BackendsCsvImportProps) {
  const t = useT();
  const check = async (text: string, signal: AbortSignal) => {
    const { previewBackends, zstackLookups } = await import('./preview');
    const rows = staged();
    return previewBackends(
      text,
      {
        ipVersion: group.ipVersion,
        loadBalancerType: lbType,
        nicUuids: new Set((group.vmNicRefs ?? []).map((r) => r.vmNicUuid)),
        serverIps: new Set((group.serverIps ?? []).map((s) => canonicalIp(s.ipAddress))),
      },
      {
        nicUuids: new Set(rows.flatMap((r) => (r.kind === 'nic' ? [r.nicUuid] : []))),
        ips: new Set(rows.map((r) => canonicalIp(r.kind === 'nic' ? r.ip : r.ipAddress))),
      },
      zstackLookups(signal),
      canonicalIp,
    );
  };
  return (
    <CsvImportButton<ResolvedBackend>
      label={t('csv.import.backendsLabel', { group: group.name })}
      title={t('csv.import.backendsTitle')}
      help={t('csv.import.backendsHelp')}
      check={check}
      onStage={onStage}
      disabled={disabled}
    />
  );
}
