import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { removeMembersPlan } from './api/remove-members';
import { addMembersSchema, removeMembersSchema, toAddMembersBody, type ChosenVirtualId } from './schema';

/** Modest run counts: these run with every `npm test`. */
const runs = { numRuns: 150 };

const uuid = fc.stringMatching(/^[0-9a-f]{32}$/);
const state = fc.constantFrom('Enabled', 'Disabled', undefined, null);
const virtualId = fc.record({ uuid, name: fc.string({ minLength: 1, maxLength: 16 }), state });
/** A choice ZStack would take: distinct UUIDs, none Staled, at least one. */
const goodChoice = fc.uniqueArray(virtualId, { minLength: 1, maxLength: 40, selector: (v) => v.uuid });

describe('the "add to group" choice and its ZStack params, for any choice', () => {
  it('accepts any non-empty choice of distinct, non-Staled virtual IDs and sends exactly their UUIDs, in order', () => {
    fc.assert(
      fc.property(goodChoice, (virtualIds) => {
        expect(addMembersSchema.safeParse({ virtualIds }).success).toBe(true);
        const body = toAddMembersBody({ virtualIds });
        expect(body).toEqual({ params: { virtualIDUuids: virtualIds.map((v) => v.uuid) } });
        expect(JSON.parse(JSON.stringify(body))).toEqual(body);
      }),
      runs,
    );
  });

  it('refuses a virtual ID chosen twice, wherever the copy is', () => {
    fc.assert(
      fc.property(goodChoice, fc.nat(), fc.nat(), (virtualIds, from, to) => {
        const copy = virtualIds[from % virtualIds.length]!;
        const withCopy = [...virtualIds];
        withCopy.splice(to % (withCopy.length + 1), 0, { ...copy });
        const result = addMembersSchema.safeParse({ virtualIds: withCopy });
        expect(result.success).toBe(false);
        expect(result.error?.issues.map((i) => i.message)).toContain('vidGroups.errors.chosenTwice');
        expect(() => toAddMembersBody({ virtualIds: withCopy })).toThrow();
      }),
      runs,
    );
  });

  it('refuses any choice with a Staled virtual ID, naming it', () => {
    fc.assert(
      fc.property(goodChoice, virtualId, fc.nat(), (virtualIds, stale, at) => {
        const staled: ChosenVirtualId = { ...stale, uuid: 'f'.repeat(32), state: 'Staled' };
        const list: ChosenVirtualId[] = virtualIds.filter((v) => v.uuid !== staled.uuid);
        list.splice(at % (list.length + 1), 0, staled);
        const result = addMembersSchema.safeParse({ virtualIds: list });
        expect(result.success).toBe(false);
        const issue = result.error?.issues.find((i) => i.message === 'vidGroups.errors.staled');
        expect((issue as { params?: { names: string } } | undefined)?.params?.names).toContain(staled.name);
      }),
      runs,
    );
  });

  it('refuses anything that is not a ZStack UUID (32 lowercase hex characters)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).filter((s) => !/^[0-9a-f]{32}$/.test(s)),
        (bad) => {
          const result = addMembersSchema.safeParse({ virtualIds: [{ uuid: bad, name: 'x' }] });
          expect(result.success).toBe(false);
          expect(result.error?.issues[0]?.message).toBe('vidGroups.errors.notUuid');
        },
      ),
      runs,
    );
  });

  it('refuses an empty choice, saying what to do', () => {
    const result = addMembersSchema.safeParse({ virtualIds: [] });
    expect(result.error?.issues[0]?.message).toBe('vidGroups.errors.noneChosen');
  });
});

describe('the "remove from group" choice and its query string, for any choice', () => {
  it('sends exactly the chosen UUIDs, in order, and refuses duplicates and an empty choice', () => {
    fc.assert(
      fc.property(goodChoice, (virtualIds) => {
        const members = virtualIds.map(({ uuid: u, name }) => ({ uuid: u, name }));
        const { requests } = removeMembersPlan('f'.repeat(32), members);
        expect(requests.flatMap((r) => (r.query as { virtualIDUuids: string[] }).virtualIDUuids)).toEqual(
          members.map((m) => m.uuid),
        );
        expect(removeMembersSchema.safeParse([...members, members[0]!]).success).toBe(false);
      }),
      runs,
    );
    expect(removeMembersSchema.safeParse([]).success).toBe(false);
  });
});
