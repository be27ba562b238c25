import { describe, expect, it } from 'vitest';
import { ApiLogStore } from '../store';
import { copyAs } from './index';
import { inlineBodyLimit } from './curl';

const group = '9e9c1f7a74ce3cb6b51d4f938537f765';
const nic = '70856dd6ee693c30b28e6233850fc494';
const origin = 'https://console.example.com:8443';
const session = 'a'.repeat(32);

function logged(method: string, url: string, body?: unknown) {
  const log = new ApiLogStore();
  const id = log.begin({ method, url, body, authorization: `OAuth ${session}` });
  return log.get(id)!;
}

const add = () =>
  logged('POST', `/zstack/v1/load-balancers/servergroups/${group}/backendservers`, {
    params: {
      vmNics: [{ uuid: nic, weight: '20' }],
      servers: [{ ipAddress: '192.168.2.1', weight: '20' }],
    },
  });

const text = (copied: ReturnType<typeof copyAs>) => (copied.ok ? copied.text : copied.reason.key);

describe('copy as curl', () => {
  it('writes the add with the session from $ZSTACK_SESSION and the exact body sent', () => {
    expect(text(copyAs(add(), 'curl', origin))).toBe(
      `curl -H 'Content-Type: application/json;charset=UTF-8' -H "Authorization: OAuth $ZSTACK_SESSION" -X POST ` +
        `-d '{"params":{"vmNics":[{"uuid":"${nic}","weight":"20"}],"servers":[{"ipAddress":"192.168.2.1","weight":"20"}]}}' ` +
        `'${origin}/zstack/v1/load-balancers/servergroups/${group}/backendservers'`,
    );
  });

  it("quotes a ' in the body and the query for a POSIX shell, and never shows the session", () => {
    const entry = logged('GET', `/zstack/v1/vm-instances?q=name%3Dit's&limit=1`);
    const command = text(copyAs(entry, 'curl', origin));
    expect(command).toBe(
      `curl -H "Authorization: OAuth $ZSTACK_SESSION" -X GET '${origin}/zstack/v1/vm-instances?q=name%3Dit'\\''s&limit=1'`,
    );
    expect(command).not.toContain(session);
  });

  it('reads a masked session in a path and a masked password from the environment', () => {
    const logout = logged('DELETE', `/zstack/v1/accounts/sessions/${session}`);
    expect(text(copyAs(logout, 'curl', origin))).toBe(
      `curl -X DELETE '${origin}/zstack/v1/accounts/sessions/'"$ZSTACK_SESSION"`,
    );
    const login = logged('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password: 'f'.repeat(128) },
    });
    expect(text(copyAs(login, 'curl', origin))).toContain(
      `-d '{"logInByAccount":{"accountName":"admin","password":"'"$ZSTACK_PASSWORD_SHA512"'"}}'`,
    );
  });

  it('sends a large body on standard input, past what one argument may hold', () => {
    const servers = Array.from({ length: 5_000 }, (_, i) => ({
      ipAddress: `10.${i >> 8}.${i & 255}.1`,
      weight: '1',
    }));
    const entry = logged('POST', `/zstack/v1/load-balancers/servergroups/${group}/backendservers`, {
      params: { servers },
    });
    expect(entry.request!.text.length).toBeGreaterThan(inlineBodyLimit);
    const [command, body, end, ...rest] = text(copyAs(entry, 'curl', origin)).split('\n');
    expect(command).toMatch(/ --data-binary @- '.*\/backendservers' <<'ZSTACK_BODY'$/);
    expect(JSON.parse(body!)).toEqual({ params: { servers } });
    expect([end, rest]).toEqual(['ZSTACK_BODY', []]);
  });

  it('refuses an entry whose body the log could not keep whole', () => {
    const log = new ApiLogStore({ wholeBodyBudget: 10, previewChars: 5 });
    const entry = log.get(
      log.begin({ method: 'POST', url: '/zstack/v1/vips', body: { name: 'x'.repeat(50) } }),
    )!;
    expect(copyAs(entry, 'curl', origin)).toEqual({
      ok: false,
      reason: { key: 'apiLog.copy.bodyNotKept', values: { size: 61 } },
    });
  });
});

describe('copy as SDK call', () => {
  it('writes the add as the API page lays out a Java SDK call, with the vmNics and servers maps', () => {
    const copied = copyAs(add(), 'java', origin);
    expect(copied).toEqual({
      ok: true,
      text: [
        'AddBackendServerToServerGroupAction action = new AddBackendServerToServerGroupAction();',
        `action.serverGroupUuid = "${group}";`,
        `action.vmNics = asList(Map.of("uuid", "${nic}", "weight", "20"));`,
        'action.servers = asList(Map.of("ipAddress", "192.168.2.1", "weight", "20"));',
        'action.sessionId = System.getenv("ZSTACK_SESSION");',
        'AddBackendServerToServerGroupAction.Result res = action.call();',
      ].join('\n'),
      setup: [
        'import static java.util.Arrays.asList;',
        'import java.util.*;',
        'import org.zstack.sdk.*;',
        '',
        'ZSClient.configure(new ZSConfig.Builder().setHostname("console.example.com").setPort(8443).setContextPath("zstack").build());',
      ].join('\n'),
    });
  });

  it('writes the add as a Python SDK (zssdk) call', () => {
    expect(copyAs(add(), 'python', origin)).toEqual({
      ok: true,
      text: [
        'action = AddBackendServerToServerGroupAction()',
        `action.serverGroupUuid = "${group}"`,
        `action.vmNics = [{"uuid": "${nic}", "weight": "20"}]`,
        'action.servers = [{"ipAddress": "192.168.2.1", "weight": "20"}]',
        'action.sessionId = os.environ["ZSTACK_SESSION"]',
        'res = action.call()',
      ].join('\n'),
      setup: [
        'import os',
        'from zssdk import *',
        '',
        'configure(hostname="console.example.com", port=8443, context_path="/zstack")',
      ].join('\n'),
    });
  });

  it('takes the parameters of a DELETE from its query string, as lists where the SDK has a List', () => {
    const entry = logged(
      'DELETE',
      `/zstack/v1/iam2/projects/groups/${group}/virtual-ids?virtualIDUuids=${nic}`,
    );
    const java = copyAs(entry, 'java', origin);
    expect(java.ok && java.text.split('\n').slice(1, 3)).toEqual([
      `action.groupUuid = "${group}";`,
      `action.virtualIDUuids = asList("${nic}");`,
    ]);
    expect(java.ok && java.setup).toContain('import org.zstack.sdk.iam2.api.*;');
  });

  it('writes a query as the SDK QueryAction fields ZSClient turns back into the same query string', () => {
    const entry = logged(
      'GET',
      `/zstack/v1/load-balancers/servergroups/${group}?q=name~%3D%25web%25&limit=20&replyWithCount=true&sort=%2Bname&fields=uuid%2Cname`,
    );
    const python = copyAs(entry, 'python', origin);
    expect(python.ok && python.text.split('\n')).toEqual([
      'action = QueryLoadBalancerServerGroupAction()',
      `action.conditions = ["uuid=${group}", "name~=%web%"]`,
      'action.limit = 20',
      'action.replyWithCount = True',
      'action.sortBy = "name"',
      'action.sortDirection = "asc"',
      'action.fields = ["uuid", "name"]',
      'action.sessionId = os.environ["ZSTACK_SESSION"]',
      'res = action.call()',
    ]);
  });

  it('escapes quotes, backslashes, control and non-ASCII characters in each language', () => {
    const entry = logged('POST', `/zstack/v1/iam2/projects/groups/${group}/virtual-ids`, {
      params: { virtualIDUuids: ['a"b\\c\n\u0001名'] },
    });
    const java = copyAs(entry, 'java', origin);
    const python = copyAs(entry, 'python', origin);
    expect(java.ok && java.text).toContain('action.virtualIDUuids = asList("a\\"b\\\\c\\n\\u0001名");');
    expect(python.ok && python.text).toContain('action.virtualIDUuids = [u"a\\"b\\\\c\\n\\x01\\u540d"]');
  });

  it('needs no session for a login, and reads the password hash from the environment', () => {
    const login = logged('PUT', '/zstack/v1/accounts/login', {
      logInByAccount: { accountName: 'admin', password: 'f'.repeat(128) },
    });
    const java = copyAs(login, 'java', origin);
    expect(java.ok && java.text.split('\n')).toEqual([
      'LogInByAccountAction action = new LogInByAccountAction();',
      'action.accountName = "admin";',
      'action.password = System.getenv("ZSTACK_PASSWORD_SHA512");',
      'LogInByAccountAction.Result res = action.call();',
    ]);
  });

  it('says why an unknown API has no SDK call', () => {
    expect(copyAs(logged('POST', '/zstack/v1/no/such', {}), 'java', origin)).toEqual({
      ok: false,
      reason: { key: 'apiLog.copy.unknownApi', values: { method: 'POST', path: '/zstack/v1/no/such' } },
    });
  });
});
