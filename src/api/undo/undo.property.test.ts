import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServerGroup } from '../schemas';
import { backendsOf, ipKey, keyOf, planBackendUndo, undoBackendWrite } from './backends';
import { planMemberUndo, undoMemberWrite } from './members';
import type { BackendKey, BackendWrite, MemberWrite } from './types';

/**
 * A model of what ZStack does with each write (one row per backend, new rows get new ids, a remove
 * skips names not in the group, a change sets weights), to check undo against it.
 */
type Row = { key: BackendKey; weight: number; id: number };
type Model = Map<string, Row>;

const nics = ['1', '2', '3', '4', '5'].map((d) => d.repeat(32));
const ips = ['10.0.0.1', '10.0.0.2', 'fd00::1', 'FD00::2', '192.168.0.9'];
const pool: BackendKey[] = [
  ...nics.map((uuid) => ({ kind: 'nic', uuid }) as const),
  ...ips.map((ipAddress) => ({ kind: 'ip', ipAddress }) as const),
];
let nextId = 1000;

const toGroup = (m: Model): ServerGroup => ({
  uuid: 'g'.repeat(32),
  name: 'pool',
  vmNicRefs: [...m.values()].flatMap((r) =>
    r.key.kind === 'nic' ? [{ vmNicUuid: r.key.uuid, weight: r.weight, id: r.id }] : [],
  ),
  serverIps: [...m.values()].flatMap((r) =>
    r.key.kind === 'ip' ? [{ ipAddress: r.key.ipAddress, weight: r.weight, id: r.id }] : [],
  ),
});

function apply(m: Model, w: BackendWrite): Model {
  const next = new Map(m);
  if (w.api === 'AddBackendServerToServerGroup') {
    for (const n of w.vmNics)
      next.set(keyOf({ kind: 'nic', uuid: n.uuid }), {
        key: { kind: 'nic', uuid: n.uuid },
        weight: n.weight ?? 100,
        id: nextId++,
      });
    for (const s of w.servers)
      next.set(keyOf({ kind: 'ip', ipAddress: s.ipAddress }), {
        key: { kind: 'ip', ipAddress: s.ipAddress },
        weight: s.weight ?? 100,
        id: nextId++,
      });
  } else if (w.api === 'RemoveBackendServerFromServerGroup') {
    for (const u of w.vmNicUuids) next.delete(`nic:${u}`);
    for (const ip of w.serverIps) next.delete(`ip:${ipKey(ip)}`);
  } else {
    for (const n of [
      ...w.vmNics.map((x) => ({ k: `nic:${x.uuid}`, weight: x.weight })),
      ...w.servers.map((x) => ({ k: `ip:${ipKey(x.ipAddress)}`, weight: x.weight })),
    ]) {
      const row = next.get(n.k);
      if (row) next.set(n.k, { ...row, weight: n.weight });
    }
  }
  return next;
}

// few weights, so that a concurrent admin often sets the very weight the write left (only the row id tells)
const weight = fc.constantFrom(0, 1, 50, 100);
const model = fc.array(fc.tuple(fc.constantFrom(...pool), weight), { maxLength: 10 }).map((rows) => {
  const m: Model = new Map();
  for (const [key, w] of rows) if (!m.has(keyOf(key))) m.set(keyOf(key), { key, weight: w, id: nextId++ });
  return m;
});

/** A write ZStack accepts in the given state (an add of absent backends, a remove or change of present ones). */
function writeFor(m: Model): fc.Arbitrary<BackendWrite> {
  const present = pool.filter((k) => m.has(keyOf(k)));
  const missing = pool.filter((k) => !m.has(keyOf(k)));
  const groupUuid = 'g'.repeat(32);
  const split = (keys: BackendKey[]) => ({
    nicKeys: keys.flatMap((k) => (k.kind === 'nic' ? [k.uuid] : [])),
    ipKeys: keys.flatMap((k) => (k.kind === 'ip' ? [k.ipAddress] : [])),
  });
  const options: fc.Arbitrary<BackendWrite>[] = [];
  if (missing.length)
    options.push(
      fc.subarray(missing, { minLength: 1 }).chain((keys) =>
        fc
          .array(fc.option(weight, { nil: undefined }), { minLength: keys.length, maxLength: keys.length })
          .map((ws) => {
            const { nicKeys, ipKeys } = split(keys);
            let i = 0;
            return {
              api: 'AddBackendServerToServerGroup',
              groupUuid,
              vmNics: nicKeys.map((uuid) => ({ uuid, weight: ws[i++] })),
              servers: ipKeys.map((ipAddress) => ({ ipAddress, weight: ws[i++] })),
            } as BackendWrite;
          }),
      ),
    );
  if (present.length) {
    options.push(
      fc.tuple(fc.subarray(present, { minLength: 1 }), fc.subarray(missing)).map(([keys, extra]) => {
        const { nicKeys, ipKeys } = split([...keys, ...extra]);
        return {
          api: 'RemoveBackendServerFromServerGroup',
          groupUuid,
          vmNicUuids: nicKeys,
          serverIps: ipKeys,
        } as BackendWrite;
      }),
      fc.subarray(present, { minLength: 1 }).chain((keys) =>
        fc.array(weight, { minLength: keys.length, maxLength: keys.length }).map((ws) => {
          const { nicKeys, ipKeys } = split(keys);
          let i = 0;
          return {
            api: 'ChangeLoadBalancerBackendServer',
            groupUuid,
            vmNics: nicKeys.map((uuid) => ({ uuid, weight: ws[i++]! })),
            servers: ipKeys.map((ipAddress) => ({ ipAddress, weight: ws[i++]! })),
          } as BackendWrite;
        }),
      ),
    );
  }
  return fc.oneof(...options);
}

/** What another admin does meanwhile: any number of valid writes. */
const concurrent = (m: Model, depth: number): fc.Arbitrary<Model> =>
  depth === 0 || m.size + pool.length === 0
    ? fc.constant(m)
    : fc.oneof(
        fc.constant(m),
        writeFor(m).chain((w) => concurrent(apply(m, w), depth - 1)),
      );

const state = (m: Model) => new Map([...m].map(([k, r]) => [k, r.weight]));
const weights = (g: ServerGroup) => new Map([...backendsOf(g)].map(([k, p]) => [k, p.weight]));

describe('undo of backend writes (property)', () => {
  it('restores the group exactly when nobody changed it since', () => {
    fc.assert(
      fc.property(
        model.chain((m0) => writeFor(m0).map((w) => [m0, w] as const)),
        ([m0, w]) => {
          const m1 = apply(m0, w);
          const undo = undoBackendWrite(w, toGroup(m0), toGroup(m1));
          const plan = planBackendUndo(undo, toGroup(m1));
          expect(plan.changedSince).toBe(false);
          expect(plan.skipped).toEqual([]);
          const m2 = plan.write ? apply(m1, plan.write) : m1;
          expect(state(m2)).toEqual(state(m0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('after concurrent changes, restores only what is still as the write left it, and touches nothing else', () => {
    fc.assert(
      fc.property(
        model
          .chain((m0) => writeFor(m0).map((w) => [m0, w] as const))
          .chain(([m0, w]) => {
            const m1 = apply(m0, w);
            return concurrent(m1, 3).map((m2) => [m0, w, m1, m2] as const);
          }),
        ([m0, w, m1, m2]) => {
          const undo = undoBackendWrite(w, toGroup(m0), toGroup(m1));
          const plan = planBackendUndo(undo, toGroup(m2));
          const m3 = plan.write ? apply(m2, plan.write) : m2;
          const restored = new Set(plan.restores.map((i) => keyOf(i.key)));
          const items = new Map(undo.items.map((i) => [keyOf(i.key), i]));
          for (const k of new Set([...m2.keys(), ...m3.keys()])) {
            if (!restored.has(k)) {
              // nothing outside the restored items moves: no removal of what the write did not add
              expect(m3.get(k)).toEqual(m2.get(k));
              continue;
            }
            const item = items.get(k)!;
            // restored only from the state the write left, with the same row, back to the state before
            expect(m2.get(k)?.weight).toBe(item.after.present ? item.after.weight : undefined);
            if (item.after.present) expect(m2.get(k)?.id).toBe(m1.get(k)?.id);
            expect(m3.get(k)?.weight).toBe(item.before.present ? item.before.weight : undefined);
          }
          expect(plan.restores.length + plan.skipped.length).toBe(undo.items.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the state from ZStack inventories as the model holds it', () => {
    fc.assert(
      fc.property(model, (m) => {
        expect(weights(toGroup(m))).toEqual(state(m));
      }),
    );
  });
});

describe('undo of membership writes (property)', () => {
  const vids = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => x.repeat(32));
  const members = fc.subarray(vids).map((l) => new Set(l));
  const memberWrite = fc.record({
    api: fc.constantFrom('AddIAM2VirtualIDsToGroup' as const, 'RemoveIAM2VirtualIDsFromGroup' as const),
    groupUuid: fc.constant('g'.repeat(32)),
    virtualIDUuids: fc.array(fc.constantFrom(...vids), { minLength: 1, maxLength: 8 }),
  }) as fc.Arbitrary<MemberWrite>;
  const applyMembers = (s: ReadonlySet<string>, w: MemberWrite) => {
    const next = new Set(s);
    for (const u of w.virtualIDUuids)
      if (w.api === 'AddIAM2VirtualIDsToGroup') next.add(u);
      else next.delete(u);
    return next;
  };

  it('restores the members exactly, or after concurrent changes leaves every other virtual ID as it is', () => {
    fc.assert(
      fc.property(members, memberWrite, members, fc.boolean(), (s0, w, other, meanwhile) => {
        const s1 = applyMembers(s0, w);
        const s2 = meanwhile ? other : s1;
        const plan = planMemberUndo(undoMemberWrite(w, s0), s2);
        const s3 = plan.write ? applyMembers(s2, plan.write) : s2;
        if (!meanwhile) expect([...s3].sort()).toEqual([...s0].sort());
        const restored = new Set(plan.restores.map((i) => i.uuid));
        for (const u of vids) {
          if (!restored.has(u)) expect(s3.has(u)).toBe(s2.has(u));
          else expect(s3.has(u)).toBe(s0.has(u));
          // never takes out a virtual ID that was a member before the write
          if (s0.has(u) && s2.has(u)) expect(s3.has(u)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
