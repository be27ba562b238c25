import { describe, expect, it } from 'vitest';
import { nameList } from '../../lib/plural';
import { removeMembersPlan } from './api/remove-members';
import { addMembersSchema, toAddMembersBody, type ChosenVirtualId } from './schema';
import { translate } from '../../i18n/i18n';
import type { MessageKey, MessageValues } from '../../i18n/keys';

const bob: ChosenVirtualId = { uuid: 'b'.repeat(32), name: 'bob', state: 'Enabled' };
const carol: ChosenVirtualId = { uuid: 'c'.repeat(32), name: 'carol', state: 'Disabled' };
const mallory: ChosenVirtualId = { uuid: 'd'.repeat(32), name: 'mallory', state: 'Staled' };

const messages = (value: unknown) => {
  const result = addMembersSchema.safeParse(value);
  // as the form shows them: the messages are catalogue keys, a custom issue's params their values
  return result.success
    ? []
    : result.error.issues.map((i) =>
        translate(i.message as MessageKey, (i as { params?: MessageValues }).params),
      );
};

describe('the add-to-group selection', () => {
  it('turns the chosen virtual IDs into one AddIAM2VirtualIDsToGroup body, in the order chosen', () => {
    expect(toAddMembersBody({ virtualIds: [bob, carol] })).toEqual({
      params: { virtualIDUuids: [bob.uuid, carol.uuid] },
    });
  });

  it('sends only UUIDs: names, states and other inventory fields stay in the console', () => {
    const withExtras = { ...bob, description: 'x', attributes: [] } as ChosenVirtualId;
    expect(JSON.stringify(toAddMembersBody({ virtualIds: [withExtras] }))).toBe(
      `{"params":{"virtualIDUuids":["${bob.uuid}"]}}`,
    );
  });

  it('accepts a Disabled virtual ID (ZStack lets it join a group)', () => {
    expect(messages({ virtualIds: [carol] })).toEqual([]);
  });

  it('rejects an empty selection', () => {
    expect(messages({ virtualIds: [] })).toEqual(['Choose at least one virtual ID to add']);
    expect(() => toAddMembersBody({ virtualIds: [] })).toThrow();
  });

  it('rejects the same virtual ID chosen twice', () => {
    expect(messages({ virtualIds: [bob, { ...bob }] })).toEqual(['A virtual ID is chosen twice']);
  });

  it('rejects a Staled virtual ID, naming it', () => {
    expect(messages({ virtualIds: [bob, mallory] })).toEqual(['Staled virtual IDs cannot be added: mallory']);
  });

  it('rejects something that is not a ZStack UUID', () => {
    expect(messages({ virtualIds: [{ uuid: 'B'.repeat(32), name: 'upper' }] })).toEqual([
      'Not a ZStack UUID',
    ]);
    expect(messages({ virtualIds: [{ uuid: 'a-b', name: 'dashes' }] })).toEqual(['Not a ZStack UUID']);
  });
});

describe('the members to remove', () => {
  const group = 'f'.repeat(32);

  it('become the repeated virtualIDUuids query parameter of one DELETE', () => {
    expect(removeMembersPlan(group, [bob, carol]).requests).toEqual([
      {
        method: 'DELETE',
        path: `/iam2/projects/groups/${group}/virtual-ids`,
        query: { virtualIDUuids: [bob.uuid, carol.uuid] },
      },
    ]);
  });

  it('are split into several DELETEs when one request line would pass 8192 bytes', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      uuid: i.toString(16).padStart(32, '0'),
      name: `m${i}`,
    }));
    const { chunks, requests } = removeMembersPlan(group, many);
    expect(chunks.flat()).toEqual(many);
    expect(requests.length).toBe(chunks.length);
    expect(requests.length).toBeGreaterThan(1);
    for (const r of requests) {
      const line = `DELETE /zstack/v1${r.path}?${new URLSearchParams(
        (r.query as { virtualIDUuids: string[] }).virtualIDUuids.map((u) => ['virtualIDUuids', u]),
      )} HTTP/1.1`;
      expect(line.length).toBeLessThanOrEqual(8192);
    }
  });

  it('must be at least one, each once', () => {
    expect(() => removeMembersPlan(group, [])).toThrow(/vidGroups.errors.noMember/);
    expect(() => removeMembersPlan(group, [bob, bob])).toThrow(/vidGroups.errors.memberTwice/);
  });
});

describe('nameList', () => {
  it('names one, two, several, and summarises many', () => {
    expect(nameList(['bob'])).toBe('bob');
    expect(nameList(['bob', 'carol'])).toBe('bob and carol');
    expect(nameList(['bob', 'carol', 'dave'])).toBe('bob, carol and dave');
    expect(nameList(['a', 'b', 'c', 'd', 'e'])).toBe('a, b, c and 2 more');
  });
});
