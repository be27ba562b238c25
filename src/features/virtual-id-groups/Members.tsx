import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Group, VirtualId } from '../../api/schemas';
import { MembersCsvExport } from '../../components/csv/MembersCsv';
import { CellText } from '../../components/workbench/CellText';
import { MembersTable, type MembersColumn } from '../../components/workbench/MembersTable';
import { StateBadge } from '../../components/workbench/PickerOption';
import { RemoveSelectedButton, RowRemoveButton } from '../../components/workbench/RemoveButtons';
import { RemovalDialog } from '../../components/workbench/RemovalDialog';
import { Section } from '../../components/workbench/Section';
import { useSelection } from '../../components/workbench/useSelection';
import { lastPage, useTableState } from '../../components/workbench/useTableState';
import { count, nameList } from '../../lib/plural';
import { vidGroupKeys } from './api/keys';
import { findMembers, membersQuery } from './api/members';
import { removeMembersPlan } from './api/remove-members';
import { nouns } from './nouns';
import type { MemberRef } from './schema';

const columns: MembersColumn<VirtualId>[] = [
  {
    key: 'name',
    header: 'Name',
    width: 210,
    sortable: true,
    render: (m) => <CellText primary={m.name} secondary={m.description ?? undefined} />,
  },
  {
    key: 'state',
    header: 'State',
    width: 100,
    sortable: true,
    render: (m) => <StateBadge state={m.state} />,
  },
  { key: 'type', header: 'Type', width: 80, sortable: true, render: (m) => m.type ?? '—' },
  {
    key: 'createDate',
    header: 'Created',
    width: 160,
    sortable: true,
    render: (m) => <CellText primary={m.createDate ?? '—'} />,
  },
];

const ref = (m: { uuid: string; name: string }): MemberRef => ({ uuid: m.uuid, name: m.name });

type Target =
  | { items: readonly MemberRef[] }
  | { find: (signal: AbortSignal) => Promise<MemberRef[]>; findKey: readonly unknown[] };

/**
 * "Members": the group's virtual IDs, a page at a time from ZStack (filtered, sorted and counted there),
 * with selection across pages or of every member that matches, and removal after a confirmation.
 */
export function Members({ group, canRemove }: { group: Group; canRemove: boolean }) {
  const state = useTableState({ key: 'name', direction: 'asc' });
  const members = useQuery(membersQuery(group.uuid, state.query));
  const selection = useSelection<VirtualId>((m) => m.uuid, state.query.filter);
  const [target, setTarget] = useState<Target | null>(null);
  const total = members.data?.total ?? 0;

  const chosen = selection.selection;
  const askRemoval = (items?: readonly MemberRef[]) => {
    if (items) return setTarget({ items });
    if (chosen.kind === 'rows') return setTarget({ items: [...chosen.rows.values()].map(ref) });
    const { filter, except } = chosen;
    setTarget({
      findKey: vidGroupKeys.allMembers(group.uuid, filter),
      find: async (signal) =>
        (await findMembers(group.uuid, filter, signal)).filter((m) => !except.has(m.uuid)).map(ref),
    });
  };

  return (
    <Section
      title="Members"
      actions={<MembersCsvExport group={group} />}
      aside={
        members.data ? (
          <Badge variant="default" tt="none" aria-label={count(total, nouns.member)}>
            {total.toLocaleString('en-US')}
          </Badge>
        ) : null
      }
    >
      <MembersTable<VirtualId>
        label="Members"
        noun={nouns.member}
        columns={columns}
        rowKey={(m) => m.uuid}
        rowLabel={(m) => m.name}
        read={members}
        errorAction={`load the members of ${group.name}`}
        state={state}
        selection={canRemove ? selection : undefined}
        bulkActions={<RemoveSelectedButton count={selection.count} onClick={() => askRemoval()} />}
        rowActions={
          canRemove
            ? (m) => <RowRemoveButton label={m.name} onClick={() => askRemoval([ref(m)])} />
            : undefined
        }
        actionsWidth={90}
        filterLabel="Filter members by name"
        empty={{
          title: 'No members yet',
          text: `${group.name} has no virtual IDs. Search for virtual IDs of the project under “Add virtual IDs”, choose one or several, then press “Add to group”.`,
        }}
      />
      {target ? (
        <RemovalDialog<MemberRef>
          target={target}
          from={group.name}
          noun={nouns.member}
          message={(n) =>
            `Remove ${n === 1 ? 'this virtual ID' : `these ${count(n, nouns.virtualId)}`} from group ${group.name}? They stay in the project and keep their logins; only their membership of this group ends.`
          }
          itemText={(m) => m.name}
          itemKey={(m) => m.uuid}
          plan={(items) => removeMembersPlan(group.uuid, items)}
          invalidates={[vidGroupKeys.membership(group.uuid)]}
          selection={selection}
          removedText={(items) =>
            `${nameList(
              items.map((m) => m.name),
              10,
            )} ${items.length === 1 ? 'is' : 'are'} no longer in ${group.name}.`
          }
          onRemoved={(items) => {
            // a page emptied by the removal is left for the last one that still has members
            const last = lastPage(total - items.length, state.query.pageSize);
            if (state.query.page > last) state.setPage(last);
          }}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </Section>
  );
}
