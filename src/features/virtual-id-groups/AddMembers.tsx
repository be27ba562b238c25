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
import { nameList } from '../../lib/plural';
import { useAddMembers } from './api/add-members';
import { candidateSearch, type Candidate } from './api/candidates';
import { vidGroupKeys } from './api/keys';
import { addMembersSchema, type AddMembersValues, type ChosenVirtualId } from './schema';

export interface AddMembersProps {
  group: Group;
  projectUuid: string;
  projectName: string;
}

const disabledReason = (v: Candidate, groupName: string) =>
  v.member
    ? `Already a member of ${groupName}`
    : v.state === 'Staled'
      ? 'Staled: ZStack cannot add a stale virtual ID to a group'
      : undefined;

const columns: StagedColumn<ChosenVirtualId, never>[] = [
  {
    header: 'Virtual ID',
    width: 'minmax(200px, 1fr)',
    render: (v) => <span style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>{v.name}</span>,
  },
  { header: 'State', width: '120px', render: (v) => <StateBadge state={v.state} /> },
];

/**
 * "Add virtual IDs": search the project's virtual IDs (members are marked and cannot be chosen), stage
 * the ones to add, and add them all in one AddIAM2VirtualIDsToGroup call. On failure everything chosen
 * stays, and the ones ZStack's error names are said.
 */
export function AddMembers({ group, projectUuid, projectName }: AddMembersProps) {
  const form = useForm<AddMembersValues>({
    resolver: zodResolver(addMembersSchema),
    defaultValues: { virtualIds: [] },
  });
  const [searches, setSearches] = useState(0);
  const add = useAddMembers(group.uuid, ({ virtualIds }, outcome) => {
    const names = virtualIds.map((v) => v.name);
    notifyDone(
      `Added to ${group.name}`,
      `${nameList(names, 10)} ${names.length === 1 ? 'is now a member' : 'are now members'} of ${group.name}.`,
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
  const messages = chosen.map((v) =>
    mentioned.includes(v) ? 'ZStack named this virtual ID in its error above' : undefined,
  );

  return (
    <Section
      title="Add virtual IDs"
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
        aria-label={`Add virtual IDs to ${group.name}`}
      >
        <Stack gap="md">
          <Controller
            control={form.control}
            name="virtualIds"
            render={({ field, fieldState }) => (
              <>
                <SearchList<Candidate>
                  key={searches}
                  label="Virtual IDs"
                  description={`Virtual IDs of project ${projectName}. Type to search by name; members of ${group.name} are marked.`}
                  placeholder="Search virtual IDs by name"
                  queryKey={vidGroupKeys.candidates(group.uuid, projectUuid)}
                  search={search}
                  itemKey={(v) => v.uuid}
                  itemText={(v) => ({
                    primary: v.name,
                    badge: v.state && v.state !== 'Enabled' ? v.state : undefined,
                  })}
                  itemDisabledReason={(v) => disabledReason(v, group.name)}
                  chosen={chosenKeys}
                  onToggle={(v, on) =>
                    field.onChange(
                      on
                        ? [...field.value, { uuid: v.uuid, name: v.name, state: v.state }]
                        : field.value.filter((c) => c.uuid !== v.uuid),
                    )
                  }
                  disabled={add.isPending}
                  emptyText="No virtual ID of this project matches"
                  searchAction="search virtual IDs"
                />
                {fieldState.error?.message ? (
                  <Text size="sm" c="red" role="alert">
                    {fieldState.error.message}
                  </Text>
                ) : null}
                {add.error ? (
                  <ZStackErrorAlert
                    error={add.error}
                    action={`add virtual IDs to ${group.name}`}
                    onCheckAgain={add.checkAgain}
                  >
                    {mentioned.length > 0 ? (
                      <Text size="sm">
                        The error names:{' '}
                        {nameList(
                          mentioned.map((v) => v.name),
                          10,
                        )}
                        .
                      </Text>
                    ) : null}
                    {!isUnconfirmed(add.error) ? (
                      <Text size="sm">
                        Your choice is kept: correct it, or try again with “Add to group”.
                      </Text>
                    ) : null}
                  </ZStackErrorAlert>
                ) : null}
                <StagedList
                  title="To be added"
                  rows={field.value}
                  rowKey={(v) => v.uuid}
                  labels={field.value.map((v) => v.name)}
                  columns={columns}
                  messages={messages}
                  onRemove={(index) => field.onChange(field.value.filter((_, i) => i !== index))}
                  readOnly={add.isPending}
                  empty="Nothing staged yet: choose virtual IDs above."
                />
              </>
            )}
          />
          <SubmitRow
            label="Add to group"
            blockedBy={chosen.length ? undefined : 'Choose at least one virtual ID to add.'}
            pending={add.isPending}
            progress={add.progress}
          />
        </Stack>
      </form>
    </Section>
  );
}
