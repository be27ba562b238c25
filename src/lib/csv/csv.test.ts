import { describe, expect, it } from 'vitest';
import { backendImports, backendsToCsv } from './backends';
import { parseCsv, readCsvFile } from './csv';
import { memberImports, membersToCsv } from './members';

const nic = '70856dd6ee693c30b28e6233850fc494';

describe('CSV parsing', () => {
  it('reads quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM, with line numbers', async () => {
    const text = '\uFEFFname,note\r\n"web, 1","say ""hi"""\r\n"two\r\nlines",x\r\nlast,y\r\n';
    expect(await parseCsv(text)).toEqual({
      delimiter: ',',
      problems: [],
      records: [
        { line: 1, cells: ['name', 'note'] },
        { line: 2, cells: ['web, 1', 'say "hi"'] },
        { line: 3, cells: ['two\r\nlines', 'x'] },
        { line: 5, cells: ['last', 'y'] },
      ],
    });
  });

  it('reads semicolon and tab separated files as spreadsheets save them, and UTF-8 names', async () => {
    expect((await parseCsv('名字;值\n张三;1\n')).records).toEqual([
      { line: 1, cells: ['名字', '值'] },
      { line: 2, cells: ['张三', '1'] },
    ]);
    expect((await parseCsv('a\tb\n')).delimiter).toBe('\t');
  });

  it('reports a quote that is never closed on the line it opens', async () => {
    expect((await parseCsv('a,1\n"b,2\nc,3\n')).problems).toEqual([{ line: 2, code: 'unclosedQuote' }]);
  });

  it('refuses a file that is not UTF-8 (GBK), and reads one that is', async () => {
    const gbk = new Blob([new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31])]); // 张三,1 in GBK
    expect(await readCsvFile(gbk)).toEqual({ ok: false, reason: 'notUtf8' });
    const utf8 = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), '张三,1\n']);
    expect(await readCsvFile(utf8)).toEqual({ ok: true, text: '张三,1\n' });
  });
});

describe('backends CSV', () => {
  const rows = [
    {
      type: 'nic' as const,
      vmName: 'web, "1"',
      nicUuid: nic,
      ip: '10.0.0.11',
      l3Name: 'app-net',
      weight: 20,
      status: 'Active',
    },
    { type: 'ip' as const, ip: '192.168.2.1', weight: 0, status: 'Active' },
    {
      type: 'nic' as const,
      vmName: '=HYPERLINK("x")',
      nicUuid: 'b'.repeat(32),
      ip: 'fd00::5',
      l3Name: '网络',
      weight: 100,
    },
  ];

  it('exports a header row and every backend, quoting what needs it and defusing formulas', async () => {
    const csv = await backendsToCsv(rows);
    expect(csv).toBe(
      '\uFEFFtype,VM,NIC uuid,IP,L3 network,weight,status\r\n' +
        `nic,"web, ""1""",${nic},10.0.0.11,app-net,20,Active\r\n` +
        'ip,,,192.168.2.1,,0,Active\r\n' +
        `nic,"'=HYPERLINK(""x"")",${'b'.repeat(32)},fd00::5,网络,100,\r\n`,
    );
  });

  it('imports its own export back: NIC rows by NIC uuid, IP rows as server IPs', async () => {
    expect(backendImports(await parseCsv(await backendsToCsv(rows)))).toEqual({
      errors: [],
      rows: [
        { line: 2, kind: 'nicUuid', nicUuid: nic, weight: '20' },
        { line: 3, kind: 'ip', ipAddress: '192.168.2.1', weight: '0' },
        { line: 4, kind: 'nicUuid', nicUuid: 'b'.repeat(32), weight: '100' },
      ],
    });
  });

  it('imports a file without header: NIC uuid, IP, or VM name and IP, each with an optional weight', async () => {
    const csv = await parseCsv(`${nic},30\n10.0.0.9\nweb-1,10.0.0.11,5\n${nic.toUpperCase()}\n`);
    expect(backendImports(csv).rows).toEqual([
      { line: 1, kind: 'nicUuid', nicUuid: nic, weight: '30' },
      { line: 2, kind: 'ip', ipAddress: '10.0.0.9', weight: '100' },
      { line: 3, kind: 'vmIp', vmName: 'web-1', ip: '10.0.0.11', weight: '5' },
      { line: 4, kind: 'nicUuid', nicUuid: nic, weight: '100' },
    ]);
  });

  it('gives each malformed row its line and reason, and keeps the good ones', async () => {
    const text = [
      'VM,IP,Weight',
      'web-1,10.0.0.11,101',
      ',,',
      'web-2,10.0.0.12,1.5',
      'web-3,10.0.0.13,7,extra',
      'web-4,not-an-ip,1',
      'web-5,,1',
      ',,3',
      'web-6,10.0.0.16,',
      '"web-7,10.0.0.17,1',
    ].join('\n');
    const { rows, errors } = backendImports(await parseCsv(text));
    expect(rows).toEqual([{ line: 9, kind: 'vmIp', vmName: 'web-6', ip: '10.0.0.16', weight: '100' }]);
    expect(errors.map((e) => [e.line, e.code, e.detail])).toEqual([
      [2, 'badWeight', '101'],
      [3, 'emptyRow', undefined],
      [4, 'badWeight', '1.5'],
      [5, 'tooManyColumns', '3'],
      [6, 'badIp', 'not-an-ip'],
      [7, 'missingIp', 'web-5'],
      [8, 'missingBackend', undefined],
      [10, 'unclosedQuote', undefined],
    ]);
  });

  it('needs a VM or a NIC uuid for a row typed as a VM NIC, and refuses an unknown type', async () => {
    const { errors } = backendImports(await parseCsv('type,IP\nnic,10.0.0.1\nrouter,10.0.0.2\n'));
    expect(errors.map((e) => e.code)).toEqual(['nicNeedsVm', 'badType']);
  });

  it('counts too many columns without a header too', async () => {
    const { errors } = backendImports(await parseCsv(`${nic},1,2\n`));
    expect(errors).toEqual([{ line: 1, code: 'tooManyColumns', detail: '2' }]);
  });
});

describe('virtual ID members CSV', () => {
  const members = [
    { name: 'alice', uuid: 'a'.repeat(32), state: 'Enabled', type: 'ZStack' },
    { name: '+bob', uuid: 'b'.repeat(32), state: 'Staled', type: 'ZStack' },
  ];

  it('exports name, uuid, state and type, and imports the file back by uuid', async () => {
    const csv = await membersToCsv(members);
    expect(csv).toBe(
      `\uFEFFname,uuid,state,type\r\nalice,${'a'.repeat(32)},Enabled,ZStack\r\n"'+bob",${'b'.repeat(32)},Staled,ZStack\r\n`,
    );
    expect(memberImports(await parseCsv(csv))).toEqual({
      errors: [],
      rows: [
        { line: 2, uuid: 'a'.repeat(32), name: 'alice' },
        { line: 3, uuid: 'b'.repeat(32), name: '+bob' },
      ],
    });
  });

  it('imports names or uuids without a header, with per-row errors', async () => {
    const { rows, errors } = memberImports(
      await parseCsv(`carol\n${'c'.repeat(32)}\n\ndave,${'d'.repeat(32)}\na,b,c\n`),
    );
    expect(rows).toEqual([
      { line: 1, name: 'carol' },
      { line: 2, uuid: 'c'.repeat(32) },
      { line: 4, uuid: 'd'.repeat(32), name: 'dave' },
    ]);
    expect(errors).toEqual([
      { line: 3, code: 'emptyRow' },
      { line: 5, code: 'tooManyColumns', detail: '2' },
    ]);
  });

  it('refuses a uuid column value that is not a uuid', async () => {
    expect(memberImports(await parseCsv('name,uuid\neve,1234\n')).errors).toEqual([
      { line: 2, code: 'badUuid', detail: '1234' },
    ]);
  });
});
