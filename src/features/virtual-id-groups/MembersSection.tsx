import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Badge,
  Button,
  EmptyState,
  Group as Row,
  Loader,
  Pagination,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { asZStackError } from '../../api/errors';
import type { Group, VirtualId } from '../../api/schemas';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useCapabilities } from '../../session/capabilities';
import { membersPageSize, membersQuery } from './api';
import { MembersTable } from './MembersTable';
import { RemoveMembersDialog } from './RemoveMembersDialog';
import type { RemoveMembersValues } from './schema';
import '@mantine/core/styles/EmptyState.css';
import '@mantine/core/styles/Pagination.css';

/**
 * The group's members, a page at a time (ZStack sorts them by name), with selection across pages and
 * removal after a confirmation.
 */
export function MembersSection({ group }: { group: Group }) {
  const permission = useCapabilities().can('removeGroupMembers');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [toRemove, setToRemove] = useState<RemoveMembersValues | null>(null);
  const members = useQuery({ ...membersQuery(group.uuid, page), placeholderData: keepPreviousData });

  const select = (list: readonly VirtualId[], checked: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      for (const m of list) {
        if (checked) next.set(m.uuid, m.name);
        else next.delete(m.uuid);
      }
      return next;
    });

  const onRemoved = (removed: RemoveMembersValues) => {
    setToRemove(null);
    setSelected((prev) => {
      const next = new Map(prev);
      for (const m of removed) next.delete(m.uuid);
      return next;
    });
    // Removing every row of the last page would leave an empty page behind.
    const shown = members.data?.inventories ?? [];
    if (page > 0 && shown.every((m) => removed.some((r) => r.uuid === m.uuid))) setPage(page - 1);
  };

  const total = members.data?.total ?? members.data?.inventories.length ?? 0;
  const pages = Math.max(1, Math.ceil(total / membersPageSize));
  const rows = members.data?.inventories ?? [];
  const first = page * membersPageSize + 1;

  let body;
  if (members.isPending) {
    body = (
      <Row gap="xs">
        <Loader size="sm" aria-label="Loading members" />
        <Text size="sm" c="dimmed">
          Loading members…
        </Text>
      </Row>
    );
  } else if (members.isError && !members.data) {
    body = (
      <ZStackErrorAlert
        error={asZStackError(members.error)}
        action={`load the members of ${group.name}`}
        onRetry={() => void members.refetch()}
        retryLabel="Retry"
      />
    );
  } else if (total === 0) {
    body = (
      <EmptyState
        size="sm"
        align="left"
        role="region"
        aria-label="No members"
        title={<EmptyState.Title order={4}>No members yet</EmptyState.Title>}
      >
        <EmptyState.Description>
          {group.name} has no virtual IDs. Search for virtual IDs of the project in “Virtual IDs” above,
          choose one or several, then press “Add to group”.
        </EmptyState.Description>
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="xs">
        {members.isError ? (
          <ZStackErrorAlert
            error={asZStackError(members.error)}
            action={`refresh the members of ${group.name}`}
            onRetry={() => void members.refetch()}
            retryLabel="Retry"
          />
        ) : null}
        <Row justify="space-between" gap="sm" mih={30}>
          <Row gap="sm">
            <Button
              color="red"
              variant="light"
              size="xs"
              disabled={!permission.allowed || selected.size === 0}
              onClick={() => setToRemove([...selected].map(([uuid, name]) => ({ uuid, name })))}
            >
              Remove selected
            </Button>
            {selected.size > 0 ? (
              <>
                <Text size="sm" aria-live="polite">
                  {selected.size} selected
                </Text>
                <Button variant="subtle" size="compact-xs" onClick={() => setSelected(new Map())}>
                  Clear selection
                </Button>
              </>
            ) : null}
          </Row>
          <Text size="sm" c="dimmed">
            {rows.length > 0 ? `${first}–${first + rows.length - 1} of ${total}` : `0 of ${total}`}
          </Text>
        </Row>
        {!permission.allowed ? (
          <Text size="sm" c="dimmed">
            Removing is not available: {permission.reason}
          </Text>
        ) : null}
        <MembersTable
          members={rows}
          selected={new Set(selected.keys())}
          onToggle={(m, checked) => select([m], checked)}
          onToggleAll={(checked) => select(rows, checked)}
          onRemove={(m) => setToRemove([{ uuid: m.uuid, name: m.name }])}
          canRemove={permission.allowed}
          busy={members.isFetching}
        />
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            This page is empty now (members were removed meanwhile). Go to an earlier page.
          </Text>
        ) : null}
        {pages > 1 ? (
          <Pagination
            size="sm"
            total={pages}
            value={page + 1}
            onChange={(p) => setPage(p - 1)}
            aria-label="Members pages"
            getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
            getControlProps={(control) => ({
              'aria-label': {
                first: 'First page',
                last: 'Last page',
                next: 'Next page',
                previous: 'Previous page',
              }[control],
            })}
          />
        ) : null}
      </Stack>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="vid-members-heading">
      <Row gap="xs">
        <Title order={3} size="h4" id="vid-members-heading">
          Members
        </Title>
        {members.data ? (
          <Badge variant="default" tt="none" aria-label={`${total} members`}>
            {total}
          </Badge>
        ) : null}
        {members.isFetching && members.data ? <Loader size={14} aria-label="Refreshing members" /> : null}
      </Row>
      {body}
      <RemoveMembersDialog
        group={group}
        members={toRemove}
        onClose={() => setToRemove(null)}
        onRemoved={onRemoved}
      />
    </Stack>
  );
}
