import { Button, Checkbox, Table, Text, VisuallyHidden } from '@mantine/core';
import type { VirtualId } from '../../api/schemas';
import { StateBadge } from './StateBadge';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/CheckboxIndicator.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/VisuallyHidden.css';

export interface MembersTableProps {
  members: VirtualId[];
  /** UUIDs of the chosen rows (across pages). */
  selected: ReadonlySet<string>;
  onToggle: (member: VirtualId, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  onRemove: (member: VirtualId) => void;
  /** When false, selection and removal are shown but disabled (the reason is shown by the caller). */
  canRemove: boolean;
  busy?: boolean;
}

/** One page of a group's members: name, state and type as ZStack reports them, with selection. */
export function MembersTable({
  members,
  selected,
  onToggle,
  onToggleAll,
  onRemove,
  canRemove,
  busy = false,
}: MembersTableProps) {
  const chosenHere = members.filter((m) => selected.has(m.uuid)).length;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table aria-label="Members" aria-busy={busy} highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label="Select all on this page"
                checked={chosenHere > 0 && chosenHere === members.length}
                indeterminate={chosenHere > 0 && chosenHere < members.length}
                onChange={(e) => onToggleAll(e.currentTarget.checked)}
                disabled={!canRemove}
              />
            </Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th w={110}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr
              key={m.uuid}
              bg={selected.has(m.uuid) ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>
                <Checkbox
                  aria-label={`Select ${m.name}`}
                  checked={selected.has(m.uuid)}
                  onChange={(e) => onToggle(m, e.currentTarget.checked)}
                  disabled={!canRemove}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {m.name}
                </Text>
                {m.description ? (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {m.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <StateBadge state={m.state} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.type ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  aria-label={`Remove ${m.name} from group`}
                  onClick={() => onRemove(m)}
                  disabled={!canRemove}
                >
                  Remove
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
