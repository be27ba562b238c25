import { Button, Group, Text } from '@mantine/core';
import { CellText } from '../../components/workbench/CellText';
import { useT, type Translate } from '../../i18n/react';
import type { MembersColumn } from '../../components/workbench/MembersTable';
import { RowRemoveButton } from '../../components/workbench/RemoveButtons';
import { weightChangeBlocked, type BackendView } from './backends';
import { KindBadge } from './stagedColumns';
import { WithReason, type WeightEditor } from './WeightEditor';

interface Editing {
  editor: WeightEditor;
  saving: boolean;
  onSave: (weight: number) => void;
}

interface WeightNote {
  /** Under the weight input: where weights have no effect (traffic/shares.ts weightEffect). */
  weightNote?: string;
}

/**
 * The columns of "Backend servers": the backend (VM name or IP, its kind, its network), its IP and its
 * weight (an input while it is being changed); the traffic columns follow (traffic/trafficColumns.tsx).
 */
export function backendColumns({
  editor,
  saving,
  onSave,
  weightNote,
  t,
}: Editing & WeightNote & { t: Translate }): MembersColumn<BackendView>[] {
  return [
    {
      key: 'name',
      header: t('backends.col.backend'),
      width: 160,
      sortable: true,
      render: (v) => (
        <CellText
          primary={v.ref.kind === 'nic' ? (v.vmName ?? (v.detailsMissing ? '…' : v.label)) : v.ref.ipAddress}
          secondary={v.ref.kind === 'nic' ? v.l3Name : undefined}
          after={<KindBadge kind={v.ref.kind} />}
        />
      ),
    },
    {
      key: 'ip',
      header: t('backends.col.ip'),
      width: 110,
      sortable: true,
      render: (v) => <CellText primary={v.ip ?? '—'} />,
    },
    {
      key: 'weight',
      header: t('backends.col.weight'),
      width: 80,
      sortable: true,
      render: (v) =>
        editor.editing === v.key ? (
          <>
            {editor.input(v.label, saving, onSave)}
            {weightNote ? (
              <Text size="xs" c="dimmed" mt={4} w="max-content" maw={200}>
                {weightNote}
              </Text>
            ) : null}
          </>
        ) : (
          <Text size="sm">{v.weight}</Text>
        ),
    },
  ];
}

export interface BackendActionsProps extends Editing {
  view: BackendView;
  canChange: boolean;
  canRemove: boolean;
  onEdit: () => void;
  onRemove: () => void;
}

/** A backend's own actions: "Change weight" and "Remove", or "Save weight" and "Cancel" while editing. */
export function BackendActions({
  view,
  editor,
  saving,
  onSave,
  canChange,
  canRemove,
  onEdit,
  onRemove,
}: BackendActionsProps) {
  const t = useT();
  if (editor.editing === view.key)
    return (
      <Group gap={4} wrap="nowrap" justify="flex-end">
        {editor.buttons(saving, onSave)}
      </Group>
    );
  const blocked = weightChangeBlocked(view);
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {canChange ? (
        <WithReason reason={blocked ? t(blocked) : undefined}>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={t('backends.weight.changeOf', { label: view.label })}
            onClick={onEdit}
            disabled={!!blocked}
          >
            {t('backends.weight.change')}
          </Button>
        </WithReason>
      ) : null}
      {canRemove ? <RowRemoveButton label={view.label} onClick={onRemove} /> : null}
    </Group>
  );
}
