import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, Harness } from './harness.ts';

let h: Harness;
let admin: string;
const vid: Record<string, string> = {};
const grp: Record<string, string> = {};

beforeAll(async () => {
  h = await Harness.start({ jobDurationMs: 5 });
});
afterAll(() => h.close());
beforeEach(async () => {
  await h.control('POST', '/reset');
  admin = await h.login('admin');
  for (const n of ['alice', 'bob', 'carol', 'dave', 'eve', 'mallory', '<img src=x onerror=alert(1)>'])
    vid[n] = await h.uuidOf('/iam2/virtual-ids', n, admin);
  for (const n of ['oncall', 'sre', 'dev-team']) grp[n] = await h.uuidOf('/iam2/projects/groups', n, admin);
});

const addTo = (g: string, params: unknown, session = admin) =>
  h.call('POST', `/iam2/projects/groups/${grp[g] ?? g}/virtual-ids`, { session, body: { params } });
const removeFrom = (g: string, query: string, session = admin) =>
  h.call('DELETE', `/iam2/projects/groups/${grp[g] ?? g}/virtual-ids?${query}`, { session });
const members = async (g: string): Promise<string[]> => {
  const r = await h.get(
    `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${grp[g]}&sortBy=name&sortDirection=asc`,
    admin,
  );
  return ((r.json?.inventories as { name: string }[]) ?? []).map((v) => v.name);
};

describe('AddIAM2VirtualIDsToGroup', () => {
  it('adds members; adding one already there keeps it once', async () => {
    const r = await addTo('oncall', { virtualIDUuids: [vid.bob, vid.alice, vid.eve] });
    expect(r.status).toBe(200);
    expect(r.text).toBe('{}');
    expect(await members('oncall')).toEqual(['alice', 'bob', 'eve']);
    const xss = await addTo('sre', { virtualIDUuids: [vid['<img src=x onerror=alert(1)>']] });
    expect(xss.status).toBe(200);
    expect(await members('sre')).toEqual(['<img src=x onerror=alert(1)>']);
  });

  it('checks mandatory and non-empty virtualIDUuids first', async () => {
    const missing = await addTo('oncall', {});
    expect(errorOf(missing)).toMatchObject({
      code: 'SYS.1007',
      details:
        'field[virtualIDUuids] of message[org.zstack.header.message.ApiMessageParamValidator] is mandatory, can not be null',
    });
    expect(errorOf(await addTo('oncall', { virtualIDUuids: [] }))).toMatchObject({
      code: 'SYS.1007',
      details: 'field[virtualIDUuids] must be a nonempty list',
    });
  });

  it('answers SYS.1003 for uuids that name nothing', async () => {
    const bogus = '0123456789abcdef0123456789abcdef';
    expect(errorOf(await addTo('oncall', { virtualIDUuids: [vid.bob, bogus] }))).toMatchObject({
      code: 'SYS.1003',
      details: `invalid field[virtualIDUuids], resource[uuids:[${bogus}], type:IAM2VirtualIDVO] not found`,
    });
    expect(errorOf(await addTo(bogus, { virtualIDUuids: [vid.bob] }))).toMatchObject({
      code: 'SYS.1003',
      details: `invalid field[groupUuid], resource[uuid:${bogus}, type:IAM2VirtualIDGroupVO] not found`,
    });
  });

  it('refuses a virtual ID outside the project and a Staled one (SYS.1006), changing nothing', async () => {
    const ops = await h.uuidOf('/iam2/projects', 'ops', admin);
    expect(errorOf(await addTo('oncall', { virtualIDUuids: [vid.bob, vid.dave] }))).toMatchObject({
      code: 'SYS.1006',
      details: `virtualID[uuid:${vid.dave}] not in project[uuid:${ops}]`,
    });
    expect(errorOf(await addTo('oncall', { virtualIDUuids: [vid.bob, vid.mallory] }))).toMatchObject({
      code: 'SYS.1006',
      details: `can not operate stale virtual ids: [${vid.mallory}]`,
    });
    expect(await members('oncall')).toEqual(['alice']);
  });
});

describe('RemoveIAM2VirtualIDsFromGroup', () => {
  it('takes the uuids from the query string (repeated or indexed) and skips non-members', async () => {
    await addTo('oncall', { virtualIDUuids: [vid.bob, vid.carol] });
    const r = await removeFrom('oncall', `virtualIDUuids=${vid.alice}&virtualIDUuids=${vid.dave}`);
    expect(r.status).toBe(200);
    expect(await members('oncall')).toEqual(['bob', 'carol']);
    expect(
      (await removeFrom('oncall', `virtualIDUuids.0=${vid.bob}&virtualIDUuids.1=${vid.carol}`)).status,
    ).toBe(200);
    expect(await members('oncall')).toEqual([]);
  });

  it('needs virtualIDUuids', async () => {
    expect(errorOf(await removeFrom('oncall', '')).code).toBe('SYS.1007');
  });
});

describe('GetIAM2VirtualIDInGroup paging', () => {
  it('pages with limit/start and counts', async () => {
    await addTo('oncall', { virtualIDUuids: [vid.bob, vid.carol, vid.eve] });
    const page = await h.get(
      `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${grp.oncall}&limit=2&start=1&sortBy=name&sortDirection=desc&replyWithCount=true`,
      admin,
    );
    expect(((page.json?.inventories as { name: string }[]) ?? []).map((v) => v.name)).toEqual([
      'carol',
      'bob',
    ]);
    expect(page.json?.total).toBe(4);
    const count = await h.get(
      `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${grp.oncall}&count=true`,
      admin,
    );
    expect(count.json).toEqual({ total: 4, schema: {} });
    const bad = await h.get(`/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${grp.oncall}&limit=x`, admin);
    expect(bad.status).toBe(500);
    expect(bad.text).toBe('For input string: "x"');
  });
});
