import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group as Row, Stack, Text } from '@mantine/core';
import { errorMentions, isUnconfirmed } from '../../api/errors';
import type { Group } from '../../api/schemas';
import { EntityPicker } from '../../components/EntityPicker';
import { JobProgress } from '../../components/JobProgress';
import { notifyDone } from '../../components/notifyDone';
import { ZStackErrorAlert } from '../../components/ZStackErrorAlert';
import { useCapabilities } from '../../session/capabilities';
import { useAddMembers, useCandidateSearch, vidGroupKeys } from './api';
import { addMembersSchema, nameList, type AddMembersValues, type ChosenVirtualId } from './schema';
import { VirtualIdOption } from './VirtualIdOption';

export interface AddMembersFormProps {
  group: Group;
  projectUuid: string;
  projectName: string;
}

const staledReason = (v: ChosenVirtualId) =>
  v.state === 'Staled' ? 'Staled: ZStack cannot add a stale virtual ID to a group' : undefined;

/**
 * Chooses virtual IDs of the project that are not in the group yet (searched and excluded on the server)
 * and adds them all in one AddIAM2VirtualIDsToGroup call. On failure the choice stays as it was.
 */
export function AddMembersForm({ group, projectUuid, projectName }: AddMembersFormProps) {
  const permission = useCapabilities().can('addGroupMembers');
  const form = useForm<AddMembersValues>({
    resolver: zodResolver(addMembersSchema),
    defaultValues: { virtualIds: [] },
  });
  const add = useAddMembers(group.uuid, ({ virtualIds }, outcome) => {
    const names = virtualIds.map((v) => v.name);
    notifyDone(
      `Added to ${group.name}`,
      `${nameList(names, 10)} ${names.length === 1 ? 'is' : 'are'} now ${names.length === 1 ? 'a member' : 'members'} of ${group.name}.`,
      outcome,
    );
    form.reset({ virtualIds: [] });
  });
  const search = useCandidateSearch(group.uuid, projectUuid);
  const chosen = useWatch({ control: form.control, name: 'virtualIds' });
  const mentioned = add.error
    ? chosen.filter((v) => errorMentions(add.error!, [v.uuid, v.name]).length > 0).map((v) => v.name)
    : [];

  return (
    <form
      onSubmit={form.handleSubmit((values) => add.submit(values))}
      noValidate
      aria-label={`Add virtual IDs to ${group.name}`}
    >
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="virtualIds"
          render={({ field, fieldState }) => (
            <EntityPicker<ChosenVirtualId>
              multiple
              label="Virtual IDs"
              description={`Virtual IDs of project ${projectName} that are not in ${group.name} yet. Type to search by name.`}
              placeholder="Search virtual IDs by name"
              queryKey={vidGroupKeys.candidates(group.uuid, projectUuid)}
              search={search}
              itemKey={(v) => v.uuid}
              itemLabel={(v) => v.name}
              renderItem={(v) => <VirtualIdOption virtualId={v} />}
              itemDisabledReason={staledReason}
              emptyText="No virtual ID of this project matches, or all of them are members already"
              value={field.value}
              onChange={(next) => field.onChange(next)}
              error={fieldState.error?.message}
              disabled={!permission.allowed || add.isPending}
            />
          )}
        />
        <Row gap="sm" align="center">
          <Button type="submit" loading={add.isPending} disabled={!permission.allowed}>
            Add to group
          </Button>
          {chosen.length > 0 && !add.isPending ? (
            <Text size="sm" c="dimmed">
              {chosen.length} chosen
            </Text>
          ) : null}
          <JobProgress progress={add.progress} label="Add to group" />
        </Row>
        {!permission.allowed ? (
          <Text size="sm" c="dimmed">
            Adding is not available: {permission.reason}
          </Text>
        ) : null}
        {add.error ? (
          <ZStackErrorAlert
            error={add.error}
            action={`add virtual IDs to ${group.name}`}
            onCheckAgain={add.checkAgain}
          >
            {mentioned.length > 0 ? <Text size="sm">The error names: {nameList(mentioned, 10)}.</Text> : null}
            {!isUnconfirmed(add.error) ? (
              <Text size="sm">Your choice is kept: correct it, or try again with “Add to group”.</Text>
            ) : null}
          </ZStackErrorAlert>
        ) : null}
      </Stack>
    </form>
  );
}
