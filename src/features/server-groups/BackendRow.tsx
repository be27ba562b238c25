import { useState, type ReactElement } from 'react';
import { Badge, Button, Checkbox, Group, Table, Text, TextInput, Tooltip } from '@mantine/core';
import type { CapabilityCheck } from '../../session/capabilities';
import { weightChangeBlocked, type BackendView } from './backends';
import { weightSchema } from './schema';
import { ShareBar } from './ShareBar';
import '@mantine/core/styles/Badge.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/Tooltip.css';

export interface BackendRowProps {
  view: BackendView;
  share: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  saving: boolean;
  onSaveWeight: (weight: number) => void;
  onRemove: () => void;
  canChange: CapabilityCheck;
  canRemove: CapabilityCheck;
}

/** A disabled control with its reason on hover and focus (on a wrapper: disabled buttons get no events). */
function WithReason({ reason, children }: { reason?: string; children: ReactElement }) {
  if (!reason) return children;
  return (
    <Tooltip label={reason} withinPortal multiline maw={280}>
      <span tabIndex={0} style={{ display: 'inline-block' }}>
        {children}
      </span>
    </Tooltip>
  );
}

/**
 * One backend in "Backend servers": what it is, its weight (changed in place: "Change weight of <label>"
 * opens "New weight for <label>" with "Save weight"), its share of traffic, and its removal.
 */
export function BackendRow({
  view,
  share,
  selected,
  onSelect,
  editing,
  onEdit,
  saving,
  onSaveWeight,
  onRemove,
  canChange,
  canRemove,
}: BackendRowProps) {
  const blocked = weightChangeBlocked(view);
  const changeReason = canChange.allowed ? blocked : canChange.reason;
  const [draft, setDraft] = useState(String(view.weight));
  const [draftError, setDraftError] = useState<string>();

  const startEditing = () => {
    setDraft(String(view.weight));
    setDraftError(undefined);
    onEdit(true);
  };
  const save = () => {
    const result = weightSchema.safeParse(draft);
    if (!result.success) {
      setDraftError(result.error.issues[0]?.message);
      return;
    }
    setDraftError(undefined);
    onSaveWeight(Number(result.data));
  };

  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          aria-label={`Select ${view.label}`}
          checked={selected}
          onChange={(e) => onSelect(e.currentTarget.checked)}
          disabled={!canRemove.allowed}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {view.ref.kind === 'nic'
              ? (view.vmName ?? (view.detailsMissing ? '…' : view.label))
              : view.ref.ipAddress}
          </Text>
          <Badge
            size="xs"
            variant="light"
            color={view.ref.kind === 'nic' ? 'blue' : 'grape'}
            tt="none"
            style={{ flex: 'none' }}
          >
            {view.ref.kind === 'nic' ? 'VM NIC' : 'IP'}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>{view.ref.kind === 'nic' ? (view.ip ?? '—') : view.ref.ipAddress}</Table.Td>
      <Table.Td>{view.ref.kind === 'nic' ? (view.l3Name ?? '—') : '—'}</Table.Td>
      <Table.Td>
        {editing ? (
          <TextInput
            aria-label={`New weight for ${view.label}`}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') onEdit(false);
            }}
            // the message is tied to the input (aria-describedby), so that it is announced with it
            error={draftError}
            inputMode="numeric"
            autoComplete="off"
            size="xs"
            w={64}
            styles={{ error: { width: 'max-content', maxWidth: 180 } }}
            autoFocus
            readOnly={saving}
          />
        ) : (
          <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {view.weight}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <ShareBar percent={share} label={view.label} muted={view.weight === 0} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {editing ? (
            <>
              <Button size="xs" onClick={save} loading={saving}>
                Save weight
              </Button>
              <Button size="xs" variant="default" onClick={() => onEdit(false)} disabled={saving}>
                Cancel
              </Button>
            </>
          ) : (
            <>
              <WithReason reason={changeReason}>
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`Change weight of ${view.label}`}
                  onClick={startEditing}
                  disabled={!!changeReason}
                >
                  Change weight
                </Button>
              </WithReason>
              <WithReason reason={canRemove.allowed ? undefined : canRemove.reason}>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${view.label} from the group`}
                  onClick={onRemove}
                  disabled={!canRemove.allowed}
                >
                  Remove
                </Button>
              </WithReason>
            </>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
