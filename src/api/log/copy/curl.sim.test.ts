import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShell, startSimulator, type SimHarness } from '../../../test/simulator';
import { ApiLogStore } from '../store';
import { copyAs } from './index';

/** The copied curl commands, run by sh against the simulator with the session in $ZSTACK_SESSION. */
describe('copy as curl, run against ZStack', () => {
  let sim: SimHarness;
  let session: string;
  let group: string;
  const log = new ApiLogStore();

  beforeAll(async () => {
    sim = await startSimulator();
    session = await sim.login('admin');
    group = await sim.uuidOf('/load-balancers/servergroups', 'api-pool', session);
  });
  afterAll(() => sim.close());

  /** Logs a call as the console sends it, copies it as curl, runs it; the answer and the job's. */
  async function runCopied(method: string, path: string, body?: unknown) {
    const id = log.begin({ method, url: `/zstack/v1${path}`, body, authorization: `OAuth ${session}` });
    const copied = copyAs(log.get(id)!, 'curl', sim.origin);
    if (!copied.ok) throw new Error(copied.reason.key);
    expect(copied.text).not.toContain(session);
    const { stdout } = await runShell(copied.text, { ZSTACK_SESSION: session });
    const answer = JSON.parse(stdout) as { location?: string };
    return answer.location ? sim.waitJob(answer.location) : undefined;
  }

  const backends = async () => {
    const reply = await sim.get(`/load-balancers/servergroups/${group}`, session);
    const [g] = reply.json?.inventories as {
      vmNicRefs: { vmNicUuid: string; weight: number }[];
      serverIps: unknown[];
    }[];
    return g!;
  };

  it('adds the backend the console added, with its weight', async () => {
    const nic = await sim.nicOf('web-2');
    const job = await runCopied('POST', `/load-balancers/servergroups/${group}/backendservers`, {
      params: { vmNics: [{ uuid: nic.uuid, weight: '30' }] },
    });
    expect(job?.status).toBe(200);
    expect((await backends()).vmNicRefs).toEqual([
      expect.objectContaining({ vmNicUuid: nic.uuid, weight: 30 }),
    ]);
  });

  it('reproduces a failed job: the same ZStack error', async () => {
    const nic = await sim.nicOf('web-2');
    const job = await runCopied('POST', `/load-balancers/servergroups/${group}/backendservers`, {
      params: { vmNics: [{ uuid: nic.uuid, weight: '30' }] },
    });
    expect(job?.status).toBe(503);
    expect((job?.json?.error as { code: string; details: string }).code).toBe('SYS.1006');
    expect((job?.json?.error as { details: string }).details).toContain(nic.uuid);
  });

  it('sends a body too large for the command line on standard input', async () => {
    const servers = Array.from({ length: 4_000 }, (_, i) => ({
      ipAddress: `10.${200 + Math.floor(i / 250)}.0.${(i % 250) + 1}`,
      weight: '5',
    }));
    const job = await runCopied('POST', `/load-balancers/servergroups/${group}/backendservers`, {
      params: { servers },
    });
    expect(job?.json?.error).toBeUndefined();
    expect((await backends()).serverIps).toHaveLength(4_000);
  });

  it('removes group members with their uuids in the query string', async () => {
    const oncall = await sim.uuidOf('/iam2/projects/groups', 'oncall', session);
    const alice = await sim.uuidOf('/iam2/virtual-ids', 'alice', session);
    const job = await runCopied(
      'DELETE',
      `/iam2/projects/groups/${oncall}/virtual-ids?virtualIDUuids=${alice}`,
    );
    expect(job?.status).toBe(200);
    const members = await sim.get(
      `/iam2/IAM2VirtualIDGroup/IAM2VirtualID?groupUuid=${oncall}&limit=10`,
      session,
    );
    expect(members.json?.inventories).toEqual([]);
  });
});
