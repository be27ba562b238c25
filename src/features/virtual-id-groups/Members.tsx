import { useState } from 'react';
import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Group, VirtualId } from '../../api/schemas';
import { notifyDone } from '../../components/notifyDone';
import { CellText } from '../../components/workbench/CellText';
import { MembersTable, type MembersColumn } from '../../components/workbench/MembersTable';
import { StateBadge } from '../../components/workbench/PickerOption';
import { RemoveSelectedButton, RowRemoveButton } from '../../components/workbench/RemoveButtons';
import { RunDialog } from '../../components/workbench/RunDialog';
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
        page={members.data}
        fetching={members.isFetching}
        error={members.error}
        onRetry={() => void members.refetch()}
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
        <RunDialog<MemberRef>
          target={target}
          noun={nouns.member}
          title={`Remove from ${group.name}`}
          message={(n) =>
            `Remove ${n === 1 ? 'this virtual ID' : `these ${count(n, nouns.virtualId)}`} from group ${group.name}? They stay in the project and keep their logins; only their membership of this group ends.`
          }
          confirmLabel={(n) => `Remove ${count(n, nouns.member)}`}
          verb="Removing"
          action={`remove members from ${group.name}`}
          itemText={(m) => m.name}
          plan={(items) => removeMembersPlan(group.uuid, items)}
          invalidates={[vidGroupKeys.membership(group.uuid)]}
          onCallDone={(_result, items) => selection.forget(items.map((m) => m.uuid))}
          onDone={(items, outcome) => {
            setTarget(null);
            selection.forget(items.map((m) => m.uuid));
            notifyDone(
              `Removed from ${group.name}`,
              `${nameList(
                items.map((m) => m.name),
                10,
              )} ${items.length === 1 ? 'is' : 'are'} no longer in ${group.name}.`,
              outcome,
            );
            // a page emptied by the removal is left for the last one that still has members
            const left = total - items.length;
            if (state.query.page > lastPage(left, state.query.pageSize))
              state.setPage(lastPage(left, state.query.pageSize));
          }}
          onClose={() => setTarget(null)}
        />
      ) : null}
    </Section>
  );
}
