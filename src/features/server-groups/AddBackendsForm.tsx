import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { errorMentions } from '../../api/errors';
import type { ServerGroup } from '../../api/schemas';
import { JobProgress } from '../../components/JobProgress';
import { notifyDone } from '../../components/notifyDone';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useCapabilities } from '../../session/capabilities';
import { useAddBackendServers, type CandidateNic } from './api';
import { groupBackends, listNames } from './backends';
import { CandidateNicPicker } from './CandidateNicPicker';
import { canonicalIp } from './ip';
import type { IpEntry } from './ipLines';
import { IpLinesInput } from './IpLinesInput';
import {
  rowLabels,
  rowMentionKeys,
  rowsToParams,
  stagedFormSchema,
  weightRange,
  type ExistingBackends,
  type NicRow,
  type StagedForm,
  type StagedRow,
} from './schema';
import { StagedRows } from './StagedRows';
import { sumWeights } from './shares';
import '@mantine/core/styles/SimpleGrid.css';

const mentionedMessage = 'ZStack named this entry in its error above';

function existingOf(group: ServerGroup): ExistingBackends {
  return {
    nicUuids: new Set((group.vmNicRefs ?? []).map((r) => r.vmNicUuid)),
    serverIps: new Set((group.serverIps ?? []).map((s) => canonicalIp(s.ipAddress))),
  };
}

const toCandidate = (row: NicRow): CandidateNic => ({
  uuid: row.nicUuid,
  ip: row.ip,
  vmName: row.vmName,
  l3Name: row.l3Name,
});

function describeAdded(rows: readonly StagedRow[]): string {
  const nics = rows.filter((r): r is NicRow => r.kind === 'nic').map((r) => `${r.vmName} (${r.ip})`);
  const ips = rows.flatMap((r) => (r.kind === 'ip' ? [r.ipAddress.trim()] : []));
  const parts = [
    nics.length ? `${nics.length === 1 ? '1 VM NIC' : `${nics.length} VM NICs`}: ${listNames(nics)}` : '',
    ips.length
      ? `${ips.length === 1 ? '1 IP address' : `${ips.length} IP addresses`}: ${listNames(ips)}`
      : '',
  ];
  return parts.filter(Boolean).join('; ');
}

export interface AddBackendsFormProps {
  group: ServerGroup;
  /** "SLB" or "Shared"; undefined while unknown. */
  lbType?: string;
  lbLoading: boolean;
}

/**
 * Stage VM NICs and IP addresses with their weights, see the traffic split they would make, and add them
 * all in one AddBackendServerToServerGroup request. After a failure every row stays as it was, and the
 * rows ZStack's error names are marked.
 */
export function AddBackendsForm({ group, lbType, lbLoading }: AddBackendsFormProps) {
  const { can } = useCapabilities();
  const canAdd = can('addBackends');
  const existing = useMemo(() => existingOf(group), [group]);
  // The resolver reads the group's members as they are now (they change when the group is refetched).
  const existingRef = useRef(existing);
  useEffect(() => {
    existingRef.current = existing;
  }, [existing]);
  const resolver = useCallback<Resolver<StagedForm>>(
    (values, context, options) =>
      zodResolver(stagedFormSchema(existingRef.current))(values, context, options) as ReturnType<
        Resolver<StagedForm>
      >,
    [],
  );
  const form = useForm<StagedForm>({ defaultValues: { rows: [] }, mode: 'onChange', resolver });
  const { control, register, trigger, getValues, reset, formState } = form;
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'rows' });

  const add = useAddBackendServers(group.uuid, (_params, outcome) => {
    notifyDone(
      'Backend servers added',
      `Added to ${group.name}: ${describeAdded(getValues('rows'))}.`,
      outcome,
    );
    reset({ rows: [] });
  });

  // A refetched group may now hold a staged entry (added elsewhere meanwhile): check the rows again.
  useEffect(() => {
    if (getValues('rows').length) void trigger('rows');
  }, [existing, getValues, trigger]);

  const watched = useWatch({ control, name: 'rows' });
  // Typing a weight re-draws every share bar; with hundreds of rows, wait for a pause in the typing.
  // Rows added or removed show at once (the lengths then differ).
  const [settled] = useDebouncedValue(watched, watched.length > 100 ? 250 : 0);
  const rows = settled.length === watched.length ? settled : watched;
  const labels = useMemo(() => rowLabels(fields), [fields]);

  const currentTotal = sumWeights(groupBackends(group).map((b) => b.weight));
  const stagedTotal = sumWeights(rows.map((r) => r.weight));

  const mentioned = useMemo(() => {
    if (!add.error) return new Set<string>();
    const keys = fields.flatMap(rowMentionKeys);
    return new Set(errorMentions(add.error, keys));
  }, [add.error, fields]);

  const rowErrors = formState.errors.rows;
  const problems = fields.map((_row, i) => {
    const e = rowErrors?.[i] as Record<string, { message?: string } | undefined> | undefined;
    return [e?.nicUuid?.message, e?.ipAddress?.message, e?.weight?.message].filter((m): m is string => !!m);
  });
  const problemCount = problems.filter((p) => p.length).length;
  // ZStack's word on a row marks it but does not block a retry: the condition may have been passing.
  const messages = fields.map((row, i) => {
    const named = rowMentionKeys(row).some((k) => mentioned.has(k));
    return [...problems[i]!, ...(named ? [mentionedMessage] : [])].join('. ') || undefined;
  });

  const restage = () => void trigger('rows');
  const nicValue = useMemo(
    () => fields.filter((r): r is typeof r & NicRow => r.kind === 'nic').map(toCandidate),
    [fields],
  );
  const onNicsChange = (next: CandidateNic[]) => {
    const keep = new Set(next.map((n) => n.uuid));
    const have = new Set(nicValue.map((n) => n.uuid));
    const gone = fields.flatMap((r, i) => (r.kind === 'nic' && !keep.has(r.nicUuid) ? [i] : []));
    if (gone.length) remove(gone);
    const added = next.filter((n) => !have.has(n.uuid));
    if (added.length)
      append(
        added.map((n) => ({
          kind: 'nic' as const,
          nicUuid: n.uuid,
          vmName: n.vmName,
          ip: n.ip,
          l3Name: n.l3Name,
          weight: String(weightRange.default),
        })),
        { shouldFocus: false },
      );
    restage();
  };
  const onAddIps = (entries: IpEntry[]) => {
    append(
      entries.map((e) => ({ kind: 'ip' as const, ipAddress: e.ipAddress, weight: e.weight })),
      { shouldFocus: false },
    );
    restage();
  };
  const onRemoveRow = useCallback(
    (index: number) => {
      remove(index);
      void trigger('rows');
    },
    [remove, trigger],
  );
  const onSetAll = (weight: string) => {
    replace(getValues('rows').map((r) => ({ ...r, weight })));
    restage();
  };

  const onSubmit = form.handleSubmit((values) => add.submit(rowsToParams(values.rows)));

  const orphan = !group.loadBalancerUuid;
  const ipsDisabledReason =
    lbType === 'Shared'
      ? 'IP addresses cannot be added: this is a Shared load balancer, and ZStack accepts server IPs only on SLB load balancers. Add VM NICs instead.'
      : lbLoading
        ? 'Checking the load balancer type…'
        : undefined;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sg-add-heading">
      <form
        noValidate
        onSubmit={(e) => {
          void onSubmit(e);
        }}
      >
        <Stack gap="md">
          <div>
            <Title order={3} size="h4" id="sg-add-heading">
              Add backends
            </Title>
            <Text size="sm" c="dimmed">
              Stage VM NICs and IP addresses with their weights, check the traffic split, then add them all in
              one request.
            </Text>
          </div>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <CandidateNicPicker
              group={group}
              value={nicValue}
              onChange={onNicsChange}
              disabled={add.isPending}
            />
            <IpLinesInput onAdd={onAddIps} disabledReason={ipsDisabledReason} readOnly={add.isPending} />
          </SimpleGrid>
          {add.error ? (
            <ZStackErrorAlert error={add.error} action="add backend servers" onCheckAgain={add.checkAgain} />
          ) : null}
          {fields.length ? (
            <StagedRows
              fields={fields}
              rows={rows}
              labels={labels}
              messages={messages}
              total={currentTotal + stagedTotal}
              currentTotal={currentTotal}
              register={register}
              onRemove={onRemoveRow}
              onSetAll={onSetAll}
              readOnly={add.isPending}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {ipsDisabledReason
                ? 'Nothing staged yet: choose VM NICs.'
                : 'Nothing staged yet: choose VM NICs, or enter IP addresses and press “Add to list”.'}
            </Text>
          )}
          <Group justify="space-between" align="center" wrap="wrap">
            <Stack gap={2}>
              {problemCount ? (
                <Text size="sm" c="red">
                  {problemCount === 1 ? '1 row needs' : `${problemCount} rows need`} attention before sending.
                </Text>
              ) : null}
              {canAdd.allowed ? null : (
                <Text size="sm" c="dimmed">
                  {canAdd.reason} Adding backend servers is disabled.
                </Text>
              )}
              {orphan ? (
                <Text size="sm" c="dimmed">
                  This group belongs to no load balancer (it was deleted): ZStack adds no backends to it.
                </Text>
              ) : null}
            </Stack>
            <Group gap="md">
              <JobProgress progress={add.progress} label="Adding backend servers" />
              <Button
                type="submit"
                loading={add.isPending}
                disabled={!fields.length || !canAdd.allowed || orphan}
              >
                Add backend servers
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
