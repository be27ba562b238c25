import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  Pagination,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { asZStackError } from '../../api/errors';
import type { ServerGroup } from '../../api/schemas';
import { JobProgress } from '../../components/JobProgress';
import { notifyDone } from '../../components/notifyDone';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useCapabilities } from '../../session/capabilities';
import { memberNicsQuery, useChangeBackendWeight, useRemoveBackendServers } from './api';
import { BackendRow } from './BackendRow';
import { describeBackend, groupBackends, listNames, viewBackends, type BackendView } from './backends';
import { RemoveBackendsDialog } from './RemoveBackendsDialog';
import { shareOf, sumWeights } from './shares';
import '@mantine/core/styles/Table.css';
import '@mantine/core/styles/Pagination.css';
import '@mantine/core/styles/ScrollArea.css';
import '@mantine/core/styles/VisuallyHidden.css';

/** Rows per page: the NIC details (VM, IP, network) are fetched for one page at a time. */
export const tablePageSize = 50;

/**
 * "Backend servers": the group's VM NICs and server IPs with their weights and share of traffic; a weight
 * changes in place, one or several backends are removed after a confirmation naming them.
 */
export function BackendServersTable({ group, lbType }: { group: ServerGroup; lbType?: string }) {
  const client = useQueryClient();
  const { can } = useCapabilities();
  const canChange = can('changeBackends');
  const canRemove = can('removeBackends');

  const all = groupBackends(group);
  const total = sumWeights(all.map((b) => b.weight));
  const pages = Math.max(1, Math.ceil(all.length / tablePageSize));
  const [pageChoice, setPage] = useState(1);
  const page = Math.min(pageChoice, pages);
  const entries = all.slice((page - 1) * tablePageSize, page * tablePageSize);
  const nicUuids = entries.flatMap((e) => (e.ref.kind === 'nic' ? [e.ref.uuid] : []));
  const details = useQuery(memberNicsQuery(client, group.uuid, nicUuids));
  const views = viewBackends(entries, details.data);

  const [selectedKeys, setSelectedKeys] = useState<ReadonlySet<string>>(new Set());
  const present = new Set(all.map((b) => b.key));
  const selected = [...selectedKeys].filter((k) => present.has(k));
  const select = (keys: readonly string[], on: boolean) =>
    setSelectedKeys((prev) => {
      const next = new Set([...prev].filter((k) => present.has(k)));
      for (const k of keys) {
        if (on) next.add(k);
        else next.delete(k);
      }
      return next;
    });

  // Views of everything selected, across pages (names known for the current page).
  const [removing, setRemoving] = useState<BackendView[] | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const change = useChangeBackendWeight(group.uuid, ({ backend, weight }, outcome) => {
    setEditing(null);
    const view = views.find((v) => sameRef(v, backend));
    notifyDone(
      'Weight changed',
      `${view ? describeBackend(view) : 'The backend'} now has weight ${weight}.`,
      outcome,
    );
  });
  const remove = useRemoveBackendServers(group.uuid, (_backends, outcome) => {
    const names = (removing ?? []).map(describeBackend);
    setRemoving(null);
    setSelectedKeys(new Set());
    notifyDone(
      names.length === 1 ? 'Backend server removed' : `${names.length} backend servers removed`,
      `Removed ${listNames(names)} from ${group.name}.`,
      outcome,
    );
  });
  const editingView = views.find((v) => v.key === editing);

  const askRemoval = (targets: BackendView[]) => {
    remove.reset();
    setRemoving(targets);
  };
  const selectedViews = selected.map(
    (key) =>
      views.find((v) => v.key === key) ??
      viewBackends(
        all.filter((b) => b.key === key),
        undefined,
      )[0]!,
  );
  const pageKeys = views.map((v) => v.key);
  const pageSelected = pageKeys.filter((k) => selectedKeys.has(k));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sg-backends-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Group gap="xs" align="baseline">
            <Title order={3} size="h4" id="sg-backends-heading">
              Backend servers
            </Title>
            <Text size="sm" c="dimmed">
              {all.length === 0
                ? 'none'
                : `${group.vmNicRefs?.length ?? 0} VM NICs, ${group.serverIps?.length ?? 0} IP addresses · total weight ${total}`}
            </Text>
          </Group>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={selected.length === 0 || !canRemove.allowed}
            onClick={() => askRemoval(selectedViews)}
          >
            Remove selected{selected.length ? ` (${selected.length})` : ''}
          </Button>
        </Group>
        {!canChange.allowed || !canRemove.allowed ? (
          <Text size="sm" c="dimmed">
            {[canChange, canRemove]
              .filter((c) => !c.allowed)
              .map((c) => c.reason)
              .filter((r, i, list) => list.indexOf(r) === i)
              .join(' ')}{' '}
            Changing weights or removing backends is disabled.
          </Text>
        ) : null}
        {change.error ? (
          <ZStackErrorAlert
            error={change.error}
            action={`change the weight of ${editingView?.label ?? 'the backend'}`}
            onCheckAgain={change.checkAgain}
          />
        ) : null}
        <JobProgress progress={change.progress} label="Changing the weight" />
        {details.isError ? (
          <ZStackErrorAlert
            error={asZStackError(details.error)}
            action="load the VM names, IPs and networks of the NICs"
            onRetry={() => void details.refetch()}
          />
        ) : null}
        <Table.ScrollContainer minWidth={views.length ? 860 : 0}>
          <Table aria-labelledby="sg-backends-heading" verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>
                  <Checkbox
                    aria-label="Select all backends on this page"
                    checked={pageKeys.length > 0 && pageSelected.length === pageKeys.length}
                    indeterminate={pageSelected.length > 0 && pageSelected.length < pageKeys.length}
                    onChange={(e) => select(pageKeys, e.currentTarget.checked)}
                    disabled={pageKeys.length === 0 || !canRemove.allowed}
                  />
                </Table.Th>
                <Table.Th miw={170}>Backend</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>L3 network</Table.Th>
                <Table.Th>Weight</Table.Th>
                <Table.Th miw={170}>Share of traffic</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.map((view) => (
                <BackendRow
                  key={view.key}
                  view={view}
                  share={shareOf(view.weight, total)}
                  selected={selectedKeys.has(view.key)}
                  onSelect={(on) => select([view.key], on)}
                  editing={editing === view.key}
                  onEdit={(on) => {
                    change.reset();
                    setEditing(on ? view.key : null);
                  }}
                  saving={change.isPending && editing === view.key}
                  onSaveWeight={(weight) => change.submit({ backend: view.ref, weight })}
                  onRemove={() => askRemoval([view])}
                  canChange={canChange}
                  canRemove={canRemove}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {views.length === 0 ? (
          <Stack gap={2} pb="md" align="center">
            <Text fw={500}>This group has no backends yet.</Text>
            <Text size="sm" c="dimmed" ta="center">
              Choose VM NICs{lbType === 'Shared' ? '' : ' or enter IP addresses'} under “Add backends” below,
              then press “Add backend servers”. Listeners that use this group send traffic to its backends.
            </Text>
          </Stack>
        ) : null}
        {pages > 1 ? (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {(page - 1) * tablePageSize + 1}–{Math.min(page * tablePageSize, all.length)} of {all.length}
            </Text>
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              aria-label="Pages of backend servers"
            />
          </Group>
        ) : null}
      </Stack>
      <RemoveBackendsDialog
        groupName={group.name}
        targets={removing}
        busy={remove.isPending}
        progress={remove.progress}
        error={remove.error}
        onCheckAgain={remove.checkAgain}
        onConfirm={() => removing && remove.submit(removing.map((v) => v.ref))}
        onCancel={() => setRemoving(null)}
      />
    </Paper>
  );
}

function sameRef(view: BackendView, ref: BackendView['ref']): boolean {
  return ref.kind === 'nic'
    ? view.ref.kind === 'nic' && view.ref.uuid === ref.uuid
    : view.ref.kind === 'ip' && view.ref.ipAddress === ref.ipAddress;
}
