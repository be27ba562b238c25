// Over 250 lines on purpose: one section owns the table's state (page, selection, the weight being
// edited, the removal and drain in flight); columns, traffic cells and dialogs are in their own files.
import { useMemo, useState } from 'react';
import { Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServerGroup } from '../../api/schemas';
import { BackendsCsvExport } from '../../components/csv/BackendsCsv';
import { notifyDone } from '../../components/notifyDone';
import { MembersTable } from '../../components/workbench/MembersTable';
import { RemoveSelectedButton } from '../../components/workbench/RemoveButtons';
import { RemovalDialog } from '../../components/workbench/RemovalDialog';
import { Section } from '../../components/workbench/Section';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useSelection } from '../../components/workbench/useSelection';
import { useTableState } from '../../components/workbench/useTableState';
import { useNameList } from '../../components/workbench/noun';
import { useT } from '../../i18n/react';
import { backendIndexQuery, indexPageSize, pageNicsQuery } from './api/backend-details';
import { knownNetworks } from './api/candidates';
import { serverGroupKeys } from './api/keys';
import { removeBackendsPlan, useChangeBackendWeight } from './api/writes';
import {
  describeBackend,
  filterAndSort,
  groupBackends,
  membersSignature,
  needsDetails,
  viewBackends,
  type BackendView,
} from './backends';
import { useNouns } from './nouns';
import { sumWeights } from './shares';
import { useWeightEditor } from './WeightEditor';
import { BackendActions, backendColumns } from './backendColumns';
import { QueryErrorAlert } from '../../components/QueryErrorAlert';
import type { LoadBalancer } from '../../api/schemas';
import { useBackendTraffic } from './traffic/useBackendTraffic';
import { DrainPanel } from './traffic/DrainPanel';
import { DrainSelectedButton, TableTrafficNotes } from './traffic/TableTrafficNotes';

export interface BackendsProps {
  group: ServerGroup;
  /** The group's load balancer with its listeners; undefined while it loads. */
  lb?: LoadBalancer | null;
  lbType?: string;
  canChange: boolean;
  canRemove: boolean;
}

/**
 * "Backend servers": the group's VM NICs and server IPs with their weights and share of traffic, in the
 * one members table. The group holds every backend with its weight; the VM, IP and network of the NICs
 * on the page shown come at once, those of every NIC (to filter and sort by them) right after.
 */
export function Backends({ group, lb, lbType, canChange, canRemove }: BackendsProps) {
  const client = useQueryClient();
  const t = useT();
  const nouns = useNouns();
  const nameList = useNameList();
  const describe = (v: BackendView) => describeBackend(t, v);
  const state = useTableState({ key: 'added', direction: 'asc' });
  const { query } = state;
  const entries = useMemo(() => groupBackends(group), [group]);
  const total = sumWeights(entries.map((b) => b.weight));
  const nicCount = group.vmNicRefs?.length ?? 0;
  const signature = useMemo(() => membersSignature(group), [group]);
  // the networks whose NICs may join, read once for the page (the "VM NICs" picker reads the same); a
  // group without a load balancer has none
  const networks = knownNetworks(client, group);
  const big = nicCount > indexPageSize;
  // A group of more than one page of NICs: the page shown is named first (a few short requests), in
  // ZStack's order or by weight; every NIC's details come right after, to filter and sort by them.
  const [indexWanted, setIndexWanted] = useState(!big);
  const wantIndex = indexWanted || needsDetails(query.sort, query.filter);
  const index = useQuery({
    ...backendIndexQuery(client, group.uuid, nicCount, signature, networks),
    enabled: nicCount > 0 && wantIndex,
  });
  const quick = big && !index.data && !needsDetails(query.sort, query.filter);
  const start = query.page * query.pageSize;
  // the NICs on the page shown, in ZStack's order or by weight (no details needed for either, nor labels)
  const pageNicUuids = useMemo(
    () =>
      quick
        ? filterAndSort(
            viewBackends(entries, undefined, (uuid) => uuid),
            query.sort,
            '',
          )
            .slice(start, start + query.pageSize)
            .flatMap((v) => (v.ref.kind === 'nic' ? [v.ref.uuid] : []))
        : [],
    [quick, entries, query.sort, start, query.pageSize],
  );
  const pageNics = useQuery({
    ...pageNicsQuery(client, group.uuid, pageNicUuids, networks),
    enabled: quick && pageNicUuids.length > 0,
  });
  // the page shown is named: now the rest, which would otherwise queue before the page's own requests
  if (big && !indexWanted && (pageNics.isSuccess || pageNics.isError || pageNicUuids.length === 0))
    setIndexWanted(true);

  const views = useMemo(
    () => viewBackends(entries, index.data ?? pageNics.data, (uuid) => t('backends.nicLabel', { uuid })),
    [entries, index.data, pageNics.data, t],
  );
  const matching = useMemo(
    () =>
      index.data || !needsDetails(query.sort, query.filter)
        ? filterAndSort(views, query.sort, query.filter)
        : undefined,
    [views, index.data, query.sort, query.filter],
  );
  const page = matching
    ? { rows: matching.slice(start, start + query.pageSize), total: matching.length }
    : undefined;

  const selection = useSelection<BackendView>((v) => v.key, query.filter);
  const [target, setTarget] = useState<readonly BackendView[] | null>(null);
  const editor = useWeightEditor();
  const change = useChangeBackendWeight(group.uuid, ({ backend, weight }, outcome) => {
    editor.stop();
    const view = views.find(
      (v) => v.key === (backend.kind === 'nic' ? `nic:${backend.uuid}` : `ip:${backend.ipAddress}`),
    );
    notifyDone(
      t('backends.weight.changed'),
      t('backends.weight.changedText', { backend: view ? describe(view) : t('backends.theBackend'), weight }),
      outcome,
    );
  });
  const editing = editor.editing;
  const editingView = views.find((v) => v.key === editing);
  const saveWeight = (weight: number) => editingView && change.submit({ backend: editingView.ref, weight });

  const chosen = selection.selection;
  const selected = () =>
    chosen.kind === 'rows'
      ? [...chosen.rows.values()]
      : (matching ?? []).filter((v) => !chosen.except.has(v.key));
  const askRemoval = (items?: readonly BackendView[]) => setTarget(items ?? selected());

  const traffic = useBackendTraffic({ group, lb, lbType, views, pageRows: page?.rows });
  const columns = [
    ...backendColumns({
      editor,
      saving: change.isPending,
      onSave: saveWeight,
      weightNote: traffic.weightNote,
      t,
    }),
    ...traffic.columns,
  ];

  return (
    <Section
      title={t('backends.title')}
      actions={<BackendsCsvExport group={group} />}
      aside={
        <Text size="sm" c="dimmed">
          {entries.length === 0
            ? t('backends.summaryNone')
            : t('backends.summary', {
                nics: nouns.nic.count(nicCount),
                ips: nouns.ipAddress.count(group.serverIps?.length ?? 0),
                total,
              })}
        </Text>
      }
    >
      {change.error ? (
        <ZStackErrorAlert
          error={change.error}
          action={t('backends.weight.changeAction', {
            label: editingView?.label ?? t('backends.theBackend'),
          })}
          onCheckAgain={change.checkAgain}
        />
      ) : null}
      <TableTrafficNotes traffic={traffic} />
      <DrainPanel
        control={traffic.drain}
        viewOf={traffic.viewOf}
        canRemove={canRemove}
        onRemove={(items) => askRemoval(items)}
      />
      {index.isError ? <QueryErrorAlert query={index} action={t('backends.detailsAction')} /> : null}
      <MembersTable<BackendView>
        label={t('backends.title')}
        noun={nouns.backend}
        columns={columns}
        rowKey={(v) => v.key}
        rowLabel={(v) => v.label}
        read={{
          data: page,
          isFetching: index.isFetching || pageNics.isFetching,
          error: pageNics.error,
          refetch: pageNics.refetch,
        }}
        errorAction={t('backends.detailsAction')}
        refreshAction={t('backends.detailsRefreshAction')}
        state={state}
        selection={canRemove || canChange ? selection : undefined}
        bulkActions={
          <>
            {canChange ? (
              <DrainSelectedButton
                count={selection.count}
                pending={traffic.drain.change.isPending}
                onClick={() => traffic.drain.drain(selected())}
              />
            ) : null}
            {canRemove ? <RemoveSelectedButton count={selection.count} onClick={() => askRemoval()} /> : null}
          </>
        }
        rowActions={
          canChange || canRemove
            ? (v) => (
                <BackendActions
                  view={v}
                  editor={editor}
                  saving={change.isPending}
                  onSave={saveWeight}
                  canChange={canChange}
                  canRemove={canRemove}
                  onEdit={() => {
                    change.reset();
                    editor.start(v.key, v.weight);
                  }}
                  onRemove={() => askRemoval([v])}
                />
              )
            : undefined
        }
        // "Change weight" (136 px in English) and "Remove" (81 px) as compact buttons, their gap, the cell's
        // padding and room for the buttons not to shrink
        actionsWidth={canChange && canRemove ? 250 : canChange ? 160 : 105}
        filterLabel={t('backends.filter')}
        empty={{
          title: t('backends.emptyTitle'),
          text: lbType === 'Shared' ? t('backends.emptyTextNics') : t('backends.emptyText'),
        }}
      />
      {target ? (
        <RemovalDialog<BackendView>
          target={{ items: target }}
          from={group.name}
          noun={nouns.backend}
          message={(n) => t('backends.removeMessage', { count: n, group: group.name })}
          itemText={describe}
          itemKey={(v) => v.key}
          plan={(items) => removeBackendsPlan(group.uuid, items)}
          invalidates={[serverGroupKeys.detail(group.uuid)]}
          selection={selection}
          removedText={(items) =>
            t('backends.removedText', { names: nameList(items.map(describe), 5), group: group.name })
          }
          onClose={() => setTarget(null)}
        />
      ) : null}
    </Section>
  );
}
