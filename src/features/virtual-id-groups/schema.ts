import * as z from 'zod/mini';
import type { MessageKey } from '../../i18n/keys';

// The messages are catalogue keys, translated where they are shown (src/i18n/README.md); an issue that
// names virtual IDs carries them in `params.names`.
const key = (k: MessageKey) => k;

/** ZStack UUIDs: 32 lowercase hex characters, no dashes. */
const uuid = z.string().check(z.regex(/^[0-9a-f]{32}$/, key('vidGroups.errors.notUuid')));

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
    z.minLength(1, key('vidGroups.errors.noneChosen')),
    z.refine(uniqueUuids, key('vidGroups.errors.chosenTwice')),
    z.superRefine((list, ctx) => {
      const staled = list.filter(isStaled).map((v) => v.name);
      if (staled.length)
        ctx.issues.push({
          code: 'custom',
          input: list,
          message: key('vidGroups.errors.staled'),
          params: { names: staled.join(', ') },
        });
    }),
  ),
});

export type AddMembersValues = z.infer<typeof addMembersSchema>;

/** AddIAM2VirtualIDsToGroup's body: one request with every chosen UUID. */
export interface AddMembersBody {
  params: { virtualIDUuids: string[] };
}

export function toAddMembersBody(values: AddMembersValues): AddMembersBody {
  const valid = addMembersSchema.parse(values);
  return { params: { virtualIDUuids: valid.virtualIds.map((v) => v.uuid) } };
}

/** A member to take out of a group, named so that the confirmation can list it. */
export const memberRefSchema = z.object({ uuid, name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const removeMembersSchema = z
  .array(memberRefSchema)
  .check(
    z.minLength(1, key('vidGroups.errors.noMember')),
    z.refine(uniqueUuids, key('vidGroups.errors.memberTwice')),
  );
