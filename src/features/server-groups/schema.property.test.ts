import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalIp, isIp } from './ip';
import { parseIpLines } from './ipLines';
import {
  isValidWeight,
  noBackends,
  rowMessages,
  rowsToParams,
  stagedFormSchema,
  weightMessages,
  weightSchema,
  type ExistingBackends,
  type StagedRow,
} from './schema';

/** Modest run counts: these run with every `npm test`. */
const runs = { numRuns: 150 };

const ipv4 = fc.ipV4();
const ipv6 = fc.ipV6();
const anyIp = fc.oneof(ipv4, ipv6);
const goodWeight = fc.integer({ min: 0, max: 100 }).map(String);
const uuid = fc.stringMatching(/^[0-9a-f]{32}$/);

const nicRow = fc.record({
  kind: fc.constant('nic' as const),
  nicUuid: uuid,
  vmName: fc.string({ minLength: 1, maxLength: 12 }),
  ip: ipv4,
  l3Name: fc.constant('app-net'),
  weight: goodWeight,
});
const ipRow = fc.record({ kind: fc.constant('ip' as const), ipAddress: anyIp, weight: goodWeight });

/** Rows with nothing repeated: distinct NIC uuids and distinct addresses (as ZStack compares them). */
const distinctRows = fc.array(fc.oneof(nicRow, ipRow), { maxLength: 25 }).map((rows) => {
  const nics = new Set<string>();
  const ips = new Set<string>();
  return rows.filter((r) => {
    const address = canonicalIp(r.kind === 'nic' ? r.ip : r.ipAddress);
    if (ips.has(address) || (r.kind === 'nic' && nics.has(r.nicUuid))) return false;
    ips.add(address);
    if (r.kind === 'nic') nics.add(r.nicUuid);
    return true;
  });
});

function issuesOf(rows: StagedRow[], existing: ExistingBackends = noBackends) {
  const result = stagedFormSchema(existing).safeParse({ rows });
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('weights, for any input', () => {
  it('accepts exactly the whole numbers 0..100, however they are padded', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.stringMatching(/^ {0,2}$/), (n, pad) => {
        const ok = weightSchema.safeParse(`${pad}${n}${pad}`).success;
        expect(ok).toBe(n >= 0 && n <= 100);
      }),
      runs,
    );
  });

  it('refuses anything that is not digits (signs, decimals, exponents, words), saying what is wrong', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 8 }).filter((s) => !/^\s*\d+\s*$/.test(s)),
        (text) => {
          const result = weightSchema.safeParse(text);
          expect(result.success).toBe(false);
          const message = result.error?.issues[0]?.message;
          expect(message).toBe(text.trim() === '' ? weightMessages.empty : weightMessages.invalid);
        },
      ),
      runs,
    );
  });

  it('agrees with isValidWeight', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 6 }), goodWeight), (text) => {
        expect(weightSchema.safeParse(text).success).toBe(isValidWeight(text));
      }),
      runs,
    );
  });
});

describe('addresses, for any input', () => {
  it('every IPv4 and IPv6 address is valid, and spelling it another way does not make it another backend', () => {
    fc.assert(
      fc.property(anyIp, (ip) => {
        expect(isIp(ip)).toBe(true);
        expect(canonicalIp(ip)).toBe(canonicalIp(canonicalIp(ip)));
        expect(canonicalIp(` ${ip.toUpperCase()} `)).toBe(canonicalIp(ip));
      }),
      runs,
    );
  });

  it('an IPv4 address with a part above 255, or a part missing, is not an address', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 256, max: 9999 }),
        (parts, at, big) => {
          const tooBig = parts.map((p, i) => (i === at ? big : p)).join('.');
          const short = parts.filter((_, i) => i !== at).join('.');
          expect(isIp(tooBig)).toBe(false);
          expect(isIp(short)).toBe(false);
        },
      ),
      runs,
    );
  });
});

describe('the staged-rows form and its ZStack params, for any rows', () => {
  it('accepts any rows with nothing repeated, and converts them to one request in the form the server reads', () => {
    fc.assert(
      fc.property(distinctRows, (rows) => {
        expect(issuesOf(rows)).toEqual([]);
        const params = rowsToParams(rows);
        const nics = rows.filter((r) => r.kind === 'nic');
        const ips = rows.filter((r) => r.kind === 'ip');
        // only non-empty lists, in the order staged, weights as strings of whole numbers
        expect(params.vmNics).toEqual(
          nics.length ? nics.map((r) => ({ uuid: r.nicUuid, weight: String(Number(r.weight)) })) : undefined,
        );
        expect(params.servers).toEqual(
          ips.length ? ips.map((r) => ({ ipAddress: r.ipAddress.trim(), weight: r.weight })) : undefined,
        );
        for (const entry of [...(params.vmNics ?? []), ...(params.servers ?? [])]) {
          expect(entry.weight).toMatch(/^(0|[1-9]\d?|100)$/);
          expect(Object.keys(entry).sort()).toEqual(
            'uuid' in entry ? ['uuid', 'weight'] : ['ipAddress', 'weight'],
          );
        }
        // what goes on the wire reads back the same
        expect(JSON.parse(JSON.stringify({ params }))).toEqual({ params });
      }),
      runs,
    );
  });

  it('weights typed with spaces or leading zeros go out as plain whole numbers', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 100 }), fc.stringMatching(/^0{0,2}$/), (ip, n, zeros) => {
        const row: StagedRow = { kind: 'ip', ipAddress: ` ${ip} `, weight: ` ${zeros}${n} ` };
        expect(issuesOf([row])).toEqual([]);
        expect(rowsToParams([row])).toEqual({ servers: [{ ipAddress: ip, weight: String(n) }] });
      }),
      runs,
    );
  });

  it('marks the later copy of a repeated address (in any spelling) and only that one', () => {
    fc.assert(
      fc.property(distinctRows, anyIp, fc.nat(), (rows, ip, at) => {
        const base = rows.filter(
          (r) => canonicalIp(r.kind === 'nic' ? r.ip : r.ipAddress) !== canonicalIp(ip),
        );
        const first = at % (base.length + 1);
        const withCopies: StagedRow[] = [
          ...base.slice(0, first),
          { kind: 'ip', ipAddress: ip, weight: '10' },
          ...base.slice(first),
          { kind: 'ip', ipAddress: ip.toUpperCase(), weight: '20' },
        ];
        expect(issuesOf(withCopies)).toEqual([
          { path: `rows.${withCopies.length - 1}.ipAddress`, message: rowMessages.duplicate },
        ]);
      }),
      runs,
    );
  });

  it('marks every row the group already has, and nothing else', () => {
    fc.assert(
      fc.property(distinctRows, fc.array(fc.boolean(), { maxLength: 25 }), (rows, pick) => {
        const taken = rows.filter((_, i) => pick[i]);
        const existing: ExistingBackends = {
          nicUuids: new Set(taken.flatMap((r) => (r.kind === 'nic' ? [r.nicUuid] : []))),
          serverIps: new Set(taken.flatMap((r) => (r.kind === 'ip' ? [canonicalIp(r.ipAddress)] : []))),
        };
        const marked = issuesOf(rows, existing).map((i) => i.path);
        const expected = rows.flatMap((r, i) =>
          pick[i] ? [`rows.${i}.${r.kind === 'nic' ? 'nicUuid' : 'ipAddress'}`] : [],
        );
        expect(marked).toEqual(expected);
      }),
      runs,
    );
  });
});

describe('"IP addresses" lines, for any paste', () => {
  const goodLine = fc
    .tuple(anyIp, fc.option(goodWeight, { nil: undefined }))
    .map(([ip, w]) => ({ ip, weight: w ?? '100', text: w === undefined ? ip : `${ip} ${w}` }));
  const badLine = fc.oneof(
    fc.tuple(ipv4, fc.constantFrom('-1', '101', '1.5', 'abc', '1e3')).map(([ip, w]) => `${ip} ${w}`),
    fc.constantFrom('999.1.1.1', '10.0.0', '::gg', '192.168. 1.1', 'host.example', '10.0.0.1 5 extra'),
  );

  it('keeps every good line as an entry and every bad line in place, numbered as it will read', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            goodLine.map((g) => ({ good: g })),
            badLine.map((b) => ({ bad: b })),
          ),
          {
            maxLength: 60,
          },
        ),
        (lines) => {
          const text = lines.map((l) => ('good' in l ? l.good.text : l.bad)).join('\n');
          const parsed = parseIpLines(text);
          const good = lines.flatMap((l) => ('good' in l ? [l.good] : []));
          const bad = lines.flatMap((l) => ('bad' in l ? [l.bad] : []));
          expect(parsed.entries).toEqual(good.map((g) => ({ ipAddress: g.ip, weight: g.weight })));
          expect(parsed.problems.map((p) => p.line)).toEqual(bad.map((_, i) => i + 1));
          expect(parsed.problems.map((p) => p.text)).toEqual(bad.map((b) => b.trim()));
          expect(parsed.rest).toBe(bad.join('\n'));
        },
      ),
      runs,
    );
  });
});
