import { describe, expect, it } from 'vitest';
import { q, queryParams } from './query';

describe('ZStack query strings', () => {
  it('writes each operator as ZStack reads it', () => {
    expect([
      q.eq('name', 'web'),
      q.ne('state', 'Disabled'),
      q.in('uuid', ['a', 'b']),
      q.notIn('uuid', ['c']),
      q.contains('name', 'web'),
      q.notLike('name', 'x%'),
      q.gt('weight', 5),
      q.lt('weight', 9),
      q.isNull('description'),
      q.notNull('vipUuid'),
      q.eq('vmNics.ip', '10.0.0.5'),
    ]).toEqual([
      'name=web',
      'state!=Disabled',
      'uuid?=a,b',
      'uuid!?=c',
      'name~=%web%',
      'name!~=x%',
      'weight>5',
      'weight<9',
      'description is null',
      'vipUuid not null',
      'vmNics.ip=10.0.0.5',
    ]);
  });

  it('searches what was typed literally: %, _ and \\ are escaped for LIKE', () => {
    expect(q.contains('name', '50%_a\\b')).toBe('name~=%50\\%\\_a\\\\b%');
    expect(q.like('name', 'web-%')).toBe('name~=web-%');
  });

  it('always sets a limit, and sorts with sort=+field / -field', () => {
    const params = queryParams({
      q: [q.contains('name', 'a'), false, undefined],
      limit: 20,
      start: 40,
      replyWithCount: true,
      sort: { field: 'name', direction: 'asc' },
      fields: ['uuid', 'name'],
    });
    expect(params.getAll('q')).toEqual(['name~=%a%']);
    expect(params.toString()).toBe(
      'q=name%7E%3D%25a%25&limit=20&start=40&replyWithCount=true&sort=%2Bname&fields=uuid%2Cname',
    );
  });

  it('leaves out start=0 and optional flags', () => {
    expect(
      queryParams({ limit: 1, start: 0, sort: { field: 'createDate', direction: 'desc' } }).toString(),
    ).toBe('limit=1&sort=-createDate');
  });
});
