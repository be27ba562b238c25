import { useMemo, useState } from 'react';
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
import { useFormat } from '../../i18n/format';
import { useNameList } from '../../i18n/names';
import { useT, type Translate } from '../../i18n/react';
import { vidGroupKeys } from './api/keys';
import { findMembers, membersQuery } from './api/members';
import { removeMembersPlan } from './api/remove-members';
import { useNouns } from './nouns';
import type { MemberRef } from './schema';

const columnsIn = (t: Translate): MembersColumn<VirtualId>[] => [
  {
    key: 'name',
    header: t('members.col.name'),
    width: 210,
    sortable: true,
    // ZStack's data as sent (names, descriptions, dates): marked so, for the language checks
    render: (m) => (
      <div data-zstack-text>
        <CellText primary={m.name} secondary={m.description ?? undefined} />
      </div>
    ),
  },
  {
    key: 'state',
    header: t('members.col.state'),
    width: 100,
    sortable: true,
    render: (m) => <StateBadge state={m.state} />,
  },
  { key: 'type', header: t('members.col.type'), width: 80, sortable: true, render: (m) => m.type ?? '—' },
  {
    key: 'createDate',
    header: t('members.col.created'),
    width: 160,
    sortable: true,
    render: (m) => (
      <div data-zstack-text>
        <CellText primary={m.createDate ?? '—'} />
      </div>
    ),
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
  const t = useT();
  const { number } = useFormat();
  const nameList = useNameList();
  const nouns = useNouns();
  const columns = useMemo(() => columnsIn(t), [t]);
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
      title={t('members.title')}
      actions={<MembersCsvExport group={group} />}
      aside={
        members.data ? (
          <Badge variant="default" tt="none" aria-label={t('members.count', { count: total })}>
            {number(total)}
          </Badge>
        ) : null
      }
    >
      <MembersTable<VirtualId>
        label={t('members.title')}
        noun={nouns.member}
        columns={columns}
        rowKey={(m) => m.uuid}
        rowLabel={(m) => m.name}
        read={members}
        errorAction={t('members.loadAction', { group: group.name })}
        refreshAction={t('members.refreshAction', { group: group.name })}
        state={state}
        selection={canRemove ? selection : undefined}
        bulkActions={<RemoveSelectedButton count={selection.count} onClick={() => askRemoval()} />}
        rowActions={
          canRemove
            ? (m) => <RowRemoveButton label={m.name} onClick={() => askRemoval([ref(m)])} />
            : undefined
        }
        actionsWidth={90}
        filterLabel={t('members.filter')}
        empty={{
          title: t('members.empty.title'),
          text: t('members.empty.text', { group: group.name }),
        }}
      />
      {target ? (
        <RemovalDialog<MemberRef>
          target={target}
          from={group.name}
          noun={nouns.member}
          message={(n) => t('members.remove.message', { count: n, group: group.name })}
          itemText={(m) => m.name}
          itemKey={(m) => m.uuid}
          plan={(items) => removeMembersPlan(group.uuid, items)}
          invalidates={[vidGroupKeys.membership(group.uuid)]}
          selection={selection}
          removedText={(items) =>
            t('members.removed', {
              count: items.length,
              names: nameList(
                items.map((m) => m.name),
                10,
              ),
              group: group.name,
            })
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
