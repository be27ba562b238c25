import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHarness, type SimReply } from '../test/simulator';
import { isPermissionError, ZStackError, type ZStackErrorBody } from './errors';

/**
 * ZStack's permission refusals as a node words them in each of its locales: the console recognises every
 * kind (denied by default, by a policy, not the owner, no access) in English and in Chinese, and does not
 * take another refusal of the same code (SYS.1006) for one.
 */
for (const locale of ['en_US', 'zh_CN'] as const) {
  describe(`permission refusals from a ${locale} node`, () => {
    let sim: SimHarness;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      sim = await startSimulator({ locale });
      const admin = await sim.login('admin');
      ids.webPool = await sim.uuidOf('/load-balancers/servergroups', 'web-pool', admin);
      ids.oncall = await sim.uuidOf('/iam2/projects/groups', 'oncall', admin);
      ids.bob = await sim.uuidOf('/iam2/virtual-ids', 'bob', admin);
      ids.web1 = (await sim.nicOf('web-1')).uuid;
      ids.web2 = (await sim.nicOf('web-2')).uuid;
    }, 60_000);
    afterAll(() => sim.close());

    const errorOf = (reply: SimReply): ZStackError => {
      expect(reply.status, reply.text).toBe(503);
      const body = (reply.json?.error ?? reply.json) as ZStackErrorBody;
      return new ZStackError(body, reply.status);
    };
    const addBackend = async (session: string, nic: string) =>
      errorOf(
        await sim.call('POST', `/load-balancers/servergroups/${ids.webPool}/backendservers`, {
          session,
          body: { params: { vmNics: [{ uuid: nic }] } },
        }),
      );
    const addMember = async (session: string) =>
      errorOf(
        await sim.call('POST', `/iam2/projects/groups/${ids.oncall}/virtual-ids`, {
          session,
          body: { params: { virtualIDUuids: [ids.bob] } },
        }),
      );

    it('recognises every kind of refusal', async () => {
      const refusals = {
        byDefault: await addMember(await sim.loginVid('auditor', 'ops')),
        byPolicy: await addBackend(await sim.loginVid('lb-viewer', 'ops'), ids.web2!),
        notOwner: await addMember(await sim.loginVid('dev-admin', 'dev')),
        noAccess: await addBackend(await sim.login('tenant'), ids.web2!),
      };
      for (const [kind, e] of Object.entries(refusals)) {
        expect(e.code, kind).toBe('SYS.1006');
        // the node words it in its locale: Chinese details on a zh_CN node
        expect(/[\u4e00-\u9fff]/.test(e.details), `${kind}: ${e.details}`).toBe(locale === 'zh_CN');
        expect(isPermissionError(e), `${kind}: ${e.details}`).toBe(true);
      }
    });

    it('does not take another SYS.1006 for a refusal', async () => {
      const e = await addBackend(await sim.login('admin'), ids.web1!);
      expect(e.code).toBe('SYS.1006');
      expect(isPermissionError(e), e.details).toBe(false);
    });
  });
}
