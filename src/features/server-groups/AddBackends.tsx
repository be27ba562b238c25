// Over 250 lines on purpose: one react-hook-form form (the staged rows, their checks, ZStack's marks and
// the submit) is one unit; its columns, pickers, IP input and shares are in their own files.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SimpleGrid, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useFieldArray, useForm, useWatch, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { errorMentions } from '../../api/errors';
import type { LoadBalancer, ServerGroup } from '../../api/schemas';
import { BackendsCsvImport } from '../../components/csv/BackendsCsv';
import { notifyDone } from '../../components/notifyDone';
import { Section } from '../../components/workbench/Section';
import { StagedList } from '../../components/workbench/StagedList';
import { SubmitRow } from '../../components/workbench/SubmitRow';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useNameList } from '../../components/workbench/noun';
import type { MessageKey } from '../../i18n/keys';
import { useT } from '../../i18n/react';
import type { CandidateNic } from './api/candidates';
import { useAddBackendServers } from './api/writes';
import { CandidateNics } from './CandidateNics';
import { canonicalIp } from './ip';
import type { IpEntry } from './ipLines';
import { IpLinesInput } from './IpLinesInput';
import { useNouns } from './nouns';
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
import { SetAllWeights } from './SetAllWeights';
import { stagedColumns } from './stagedColumns';
import { WeightEffectNote } from './traffic/ShareNotes';
import { useStagedShares } from './traffic/useStagedShares';
import '@mantine/core/styles/SimpleGrid.css';

function existingOf(group: ServerGroup): ExistingBackends {
  return {
    nicUuids: new Set((group.vmNicRefs ?? []).map((r) => r.vmNicUuid)),
    serverIps: new Set((group.serverIps ?? []).map((s) => canonicalIp(s.ipAddress))),
  };
}

/** "2 VM NICs: web-1 (10.0.0.11) and web-2 (10.0.0.12); 1 IP address: 192.168.2.2" */
function useDescribeAdded(): (rows: readonly StagedRow[]) => string {
  const t = useT();
  const nouns = useNouns();
  const nameList = useNameList();
  return (rows) => {
    const nics = rows
      .filter((r): r is NicRow => r.kind === 'nic')
      .map((r) => t('backends.add.nicName', { vm: r.vmName, ip: r.ip }));
    const ips = rows.flatMap((r) => (r.kind === 'ip' ? [r.ipAddress.trim()] : []));
    const parts = [
      nics.length
        ? t('backends.add.part', { count: nouns.nic.count(nics.length), names: nameList(nics, 5) })
        : '',
      ips.length
        ? t('backends.add.part', { count: nouns.ipAddress.count(ips.length), names: nameList(ips, 5) })
        : '',
    ];
    return parts.filter(Boolean).join(t('backends.add.partSeparator'));
  };
}

export interface AddBackendsProps {
  group: ServerGroup;
  /** The group's load balancer with its listeners; undefined while it loads. */
  lb?: LoadBalancer | null;
  /** "SLB" or "Shared"; undefined while unknown. */
  lbType?: string;
  lbLoading: boolean;
}

/**
 * "Add backends": stage VM NICs and IP addresses with their weights, see the traffic split they would
 * make, and add them all in one AddBackendServerToServerGroup request. After a failure every row stays as
 * it was, and the rows ZStack's error names are marked.
 */
export function AddBackends({ group, lb, lbType, lbLoading }: AddBackendsProps) {
  const t = useT();
  const describeAdded = useDescribeAdded();
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
  // a new search after a successful add: the text typed for it is done with
  const [searches, setSearches] = useState(0);

  const add = useAddBackendServers(group.uuid, (_params, outcome) => {
    notifyDone(
      t('backends.add.done'),
      t('backends.add.doneText', { group: group.name, added: describeAdded(getValues('rows')) }),
      outcome,
    );
    reset({ rows: [] });
    setSearches((n) => n + 1);
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
  const labels = useMemo(
    () => rowLabels(fields, (label, row) => t('backends.staged.repeated', { label, row })),
    [fields, t],
  );
  const keyed = useMemo(
    () => rows.map((r, i) => ({ id: fields[i]?.id ?? String(i), weight: r.weight })),
    [rows, fields],
  );
  const after = useStagedShares(group, lb, keyed);

  const mentioned = useMemo(
    () => (add.error ? new Set(errorMentions(add.error, fields.flatMap(rowMentionKeys))) : new Set<string>()),
    [add.error, fields],
  );
  const rowErrors = formState.errors.rows;
  // the schema's messages are keys; the row's IP and the weight range are their values
  const problems = fields.map((row, i) => {
    const e = rowErrors?.[i] as Record<string, { message?: string } | undefined> | undefined;
    return [e?.nicUuid?.message, e?.ipAddress?.message, e?.weight?.message]
      .filter((m): m is string => !!m)
      .map((m) => t(m as MessageKey, { ...weightRange, ip: row.kind === 'nic' ? row.ip : row.ipAddress }));
  });
  const problemCount = problems.filter((p) => p.length).length;
  // ZStack's word on a row marks it but does not block a retry: the condition may have been passing.
  const messages = fields.map((row, i) => {
    const named = rowMentionKeys(row).some((k) => mentioned.has(k));
    return (
      [...problems[i]!, ...(named ? [t('backends.staged.mentioned')] : [])].join(
        t('backends.staged.separator'),
      ) || undefined
    );
  });

  const restage = () => void trigger('rows');
  const stagedNics = useMemo(
    () => new Set(fields.flatMap((r) => (r.kind === 'nic' ? [r.nicUuid] : []))),
    [fields],
  );
  const onToggleNic = (nic: CandidateNic, on: boolean) => {
    if (on)
      append(
        [
          {
            kind: 'nic',
            nicUuid: nic.uuid,
            vmName: nic.vmName,
            ip: nic.ip,
            l3Name: nic.l3Name,
            weight: String(weightRange.default),
          },
        ],
        { shouldFocus: false },
      );
    else remove(fields.findIndex((r) => r.kind === 'nic' && r.nicUuid === nic.uuid));
    restage();
  };
  const onAddIps = (entries: IpEntry[]) => {
    append(
      entries.map((e) => ({ kind: 'ip' as const, ipAddress: e.ipAddress, weight: e.weight })),
      { shouldFocus: false },
    );
    restage();
  };
  // rows of an imported CSV, resolved against ZStack: staged as they are, sent only on submit
  const onAddRows = (rows: StagedRow[]) => {
    append(rows, { shouldFocus: false });
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
  const columns = useMemo(
    () => stagedColumns(register, add.isPending, { names: after.names, ready: after.ready }, t),
    [register, add.isPending, after.names, after.ready, t],
  );

  const ipsDisabledReason =
    lbType === 'Shared' ? t('backends.add.sharedLb') : lbLoading ? t('backends.add.checkingLb') : undefined;

  return (
    <Section
      title={t('backends.add.title')}
      actions={
        <BackendsCsvImport
          group={group}
          lbType={lbType}
          staged={() => getValues('rows')}
          onStage={onAddRows}
          disabled={add.isPending}
        />
      }
    >
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((values) => add.submit(rowsToParams(values.rows)))(e)}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <CandidateNics
              key={searches}
              group={group}
              chosen={stagedNics}
              onToggle={onToggleNic}
              disabled={add.isPending}
            />
            <IpLinesInput onAdd={onAddIps} disabledReason={ipsDisabledReason} readOnly={add.isPending} />
          </SimpleGrid>
          {add.error ? (
            <ZStackErrorAlert
              error={add.error}
              action={t('backends.add.action')}
              onCheckAgain={add.checkAgain}
            />
          ) : null}
          {fields.length && after.effect ? <WeightEffectNote effect={after.effect} /> : null}
          <StagedList
            title={t('backends.staged.title')}
            rows={fields}
            rowKey={(row) => row.id}
            labels={labels}
            columns={columns}
            messages={messages}
            extras={after.extras}
            onRemove={onRemoveRow}
            readOnly={add.isPending}
            summary={after.summary}
            toolbar={<SetAllWeights onSet={onSetAll} disabled={add.isPending} />}
            empty={ipsDisabledReason ? t('backends.staged.emptyNics') : t('backends.staged.empty')}
          />
          <SubmitRow
            label={t('backends.add.submit')}
            blockedBy={fields.length ? undefined : t('backends.add.nothingStaged')}
            problem={problemCount ? t('backends.add.problems', { count: problemCount }) : undefined}
            pending={add.isPending}
            progress={add.progress}
          />
        </Stack>
      </form>
    </Section>
  );
}
