import * as z from 'zod/mini';

/** ZStack UUIDs: 32 lowercase hex characters, no dashes. */
const uuid = z.string().check(z.regex(/^[0-9a-f]{32}$/, 'Not a ZStack UUID'));

/** A virtual ID as the picker holds it: enough to send its UUID and to name it back to the user. */
export const chosenVirtualIdSchema = z.object({
  uuid,
  name: z.string(),
  state: z.optional(z.nullable(z.string())),
});

export type ChosenVirtualId = z.infer<typeof chosenVirtualIdSchema>;

const isStaled = (v: ChosenVirtualId) => v.state === 'Staled';
const uniqueUuids = (list: readonly { uuid: string }[]) =>
  new Set(list.map((v) => v.uuid)).size === list.length;

/**
 * The "add to group" selection. ZStack accepts duplicates within one request and refuses Staled virtual
 * IDs only after a round trip; the console refuses both before sending.
 */
export const addMembersSchema = z.object({
  virtualIds: z.array(chosenVirtualIdSchema).check(
    z.minLength(1, 'Choose at least one virtual ID to add'),
    z.refine(uniqueUuids, 'A virtual ID is chosen twice'),
    z.superRefine((list, ctx) => {
      const staled = list.filter(isStaled).map((v) => v.name);
      if (staled.length)
        ctx.issues.push({
          code: 'custom',
          input: list,
          message: `Staled virtual IDs cannot be added: ${staled.join(', ')}`,
        });
    }),
  ),
});

export type AddMembersValues = z.infer<typeof addMembersSchema>;

/** AddIAM2VirtualIDsToGroup's body (contract §4): one request with every chosen UUID. */
export interface AddMembersBody {
  params: { virtualIDUuids: string[] };
}

export function toAddMembersBody(values: AddMembersValues): AddMembersBody {
  const valid = addMembersSchema.parse(values);
  return { params: { virtualIDUuids: valid.virtualIds.map((v) => v.uuid) } };
}

/** The members to take out of a group, named so that the confirmation can list them. */
export const removeMembersSchema = z
  .array(z.object({ uuid, name: z.string() }))
  .check(
    z.minLength(1, 'Choose at least one member to remove'),
    z.refine(uniqueUuids, 'A member is chosen twice'),
  );

export type RemoveMembersValues = z.infer<typeof removeMembersSchema>;

/** RemoveIAM2VirtualIDsFromGroup is a DELETE: its parameters travel in the query string, repeated. */
export function toRemoveMembersQuery(members: RemoveMembersValues): { virtualIDUuids: string[] } {
  return { virtualIDUuids: removeMembersSchema.parse(members).map((m) => m.uuid) };
}

/** "bob", "bob and carol", "bob, carol and dave", "bob, carol, dave and 4 more". */
export function nameList(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > max) return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
