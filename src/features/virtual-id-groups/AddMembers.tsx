import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Stack, Text } from '@mantine/core';
import { errorMentions, isUnconfirmed } from '../../api/errors';
import type { Group } from '../../api/schemas';
import { MembersCsvImport } from '../../components/csv/MembersCsv';
import { notifyDone } from '../../components/notifyDone';
import { StateBadge } from '../../components/workbench/PickerOption';
import { SearchList } from '../../components/workbench/SearchList';
import { Section } from '../../components/workbench/Section';
import { StagedList, type StagedColumn } from '../../components/workbench/StagedList';
import { SubmitRow } from '../../components/workbench/SubmitRow';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import type { MessageKey } from '../../i18n/keys';
import { useNameList } from '../../i18n/names';
import { Say, useT, type Translate } from '../../i18n/react';
import { useAddMembers } from './api/add-members';
import { candidateSearch, type Candidate } from './api/candidates';
import { vidGroupKeys } from './api/keys';
import { addMembersSchema, type AddMembersValues, type ChosenVirtualId } from './schema';

/** The Staled virtual IDs of a choice, named (the schema's message about them names them). */
const staledNames = (list: readonly ChosenVirtualId[]) =>
  list
    .filter((v) => v.state === 'Staled')
    .map((v) => v.name)
    .join(', ');

/** The notification's text: in the language shown while it is on screen. */
function AddedText({ names, group }: { names: string[]; group: string }) {
  const t = useT();
  const nameList = useNameList();
  return <>{t('addMembers.added.text', { count: names.length, names: nameList(names, 10), group })}</>;
}

export interface AddMembersProps {
  group: Group;
  projectUuid: string;
  projectName: string;
}

const disabledReason = (t: Translate, v: Candidate, group: string) =>
  v.member
    ? t('addMembers.alreadyMember', { group })
    : v.state === 'Staled'
      ? t('addMembers.staled')
      : undefined;

const columnsIn = (t: Translate): StagedColumn<ChosenVirtualId, never>[] => [
  {
    header: t('addMembers.col.virtualId'),
    width: 'minmax(200px, 1fr)',
    render: (v) => <span style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>{v.name}</span>,
  },
  { header: t('members.col.state'), width: '120px', render: (v) => <StateBadge state={v.state} /> },
];

/**
 * "Add virtual IDs": search the project's virtual IDs (members are marked and cannot be chosen), stage
 * the ones to add, and add them all in one AddIAM2VirtualIDsToGroup call. On failure everything chosen
 * stays, and the ones ZStack's error names are said.
 */
export function AddMembers({ group, projectUuid, projectName }: AddMembersProps) {
  const t = useT();
  const nameList = useNameList();
  const columns = useMemo(() => columnsIn(t), [t]);
  const form = useForm<AddMembersValues>({
    resolver: zodResolver(addMembersSchema),
    defaultValues: { virtualIds: [] },
  });
  const [searches, setSearches] = useState(0);
  const add = useAddMembers(group.uuid, ({ virtualIds }, outcome) => {
    notifyDone(
      <Say id="addMembers.added.title" values={{ group: group.name }} />,
      <AddedText names={virtualIds.map((v) => v.name)} group={group.name} />,
      outcome,
    );
    form.reset({ virtualIds: [] });
    // a new search: the text typed for this addition is done with
    setSearches((n) => n + 1);
  });
  const search = useMemo(() => candidateSearch(group.uuid, projectUuid), [group.uuid, projectUuid]);
  const chosen = useWatch({ control: form.control, name: 'virtualIds' });
  const chosenKeys = useMemo(() => new Set(chosen.map((v) => v.uuid)), [chosen]);
  const mentioned = add.error
    ? chosen.filter((v) => errorMentions(add.error!, [v.uuid, v.name]).length > 0)
    : [];
  const messages = chosen.map((v) => (mentioned.includes(v) ? t('addMembers.named') : undefined));

  return (
    <Section
      title={t('addMembers.title')}
      actions={
        <MembersCsvImport
          group={group}
          projectUuid={projectUuid}
          staged={() => form.getValues('virtualIds').map((v) => v.uuid)}
          onStage={(members) =>
            form.setValue('virtualIds', [...form.getValues('virtualIds'), ...members], {
              shouldValidate: form.formState.isSubmitted,
            })
          }
          disabled={add.isPending}
        />
      }
    >
      <form
        onSubmit={form.handleSubmit((values) => add.submit(values))}
        noValidate
        aria-label={t('addMembers.form', { group: group.name })}
      >
        <Stack gap="md">
          <Controller
            control={form.control}
            name="virtualIds"
            render={({ field, fieldState }) => (
              <>
                <SearchList<Candidate>
                  key={searches}
                  label={t('addMembers.label')}
                  description={t('addMembers.description', { project: projectName, group: group.name })}
                  placeholder={t('addMembers.placeholder')}
                  queryKey={vidGroupKeys.candidates(group.uuid, projectUuid)}
                  search={search}
                  itemKey={(v) => v.uuid}
                  itemText={(v) => ({
                    primary: v.name,
                    badge: v.state && v.state !== 'Enabled' ? v.state : undefined,
                  })}
                  itemDisabledReason={(v) => disabledReason(t, v, group.name)}
                  chosen={chosenKeys}
                  onToggle={(v, on) =>
                    field.onChange(
                      on
                        ? [...field.value, { uuid: v.uuid, name: v.name, state: v.state }]
                        : field.value.filter((c) => c.uuid !== v.uuid),
                    )
                  }
                  disabled={add.isPending}
                  emptyText={t('addMembers.empty')}
                  searchAction={t('addMembers.search')}
                />
                {fieldState.error?.message ? (
                  <Text size="sm" c="red" role="alert">
                    {t(fieldState.error.message as MessageKey, { names: staledNames(field.value) })}
                  </Text>
                ) : null}
                {add.error ? (
                  <ZStackErrorAlert
                    error={add.error}
                    action={t('addMembers.action', { group: group.name })}
                    onCheckAgain={add.checkAgain}
                  >
                    {mentioned.length > 0 ? (
                      <Text size="sm">
                        {t('addMembers.errorNames', {
                          names: nameList(
                            mentioned.map((v) => v.name),
                            10,
                          ),
                        })}
                      </Text>
                    ) : null}
                    {!isUnconfirmed(add.error) ? <Text size="sm">{t('addMembers.kept')}</Text> : null}
                  </ZStackErrorAlert>
                ) : null}
                <StagedList
                  title={t('addMembers.staged')}
                  rows={field.value}
                  rowKey={(v) => v.uuid}
                  labels={field.value.map((v) => v.name)}
                  columns={columns}
                  messages={messages}
                  onRemove={(index) => field.onChange(field.value.filter((_, i) => i !== index))}
                  readOnly={add.isPending}
                  empty={t('addMembers.nothingStaged')}
                />
              </>
            )}
          />
          <SubmitRow
            label={t('addMembers.submit')}
            blockedBy={chosen.length ? undefined : t('addMembers.blocked')}
            pending={add.isPending}
            progress={add.progress}
          />
        </Stack>
      </form>
    </Section>
  );
}
