import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../i18n/catalogue.ts';
import { Msg } from '../i18n/index.ts';
import { javaFormat, messageFormat } from '../i18n/java-text.ts';
import { simOptionsFromEnv } from '../options.ts';
import { errorOf, Harness } from './harness.ts';

describe('Java text formatting, as ZStack renders its messages', () => {
  it('MessageFormat: a placeholder without argument stays, quotes are syntax, numbers are grouped', () => {
    expect(messageFormat('a[uuid:{0}] ,because weight[{1}] bad', ['x'], 'en_US')).toBe(
      'a[uuid:x] ,because weight[{1}] bad',
    );
    expect(messageFormat("the user'spermissions", [], 'en_US')).toBe('the userspermissions');
    expect(messageFormat("it''s {0}", ['ok'], 'en_US')).toBe("it's ok");
    expect(messageFormat("literal '{0}' here", ['x'], 'en_US')).toBe('literal {0} here');
    expect(messageFormat('{0} of {1}', [31536000, ['a', 'b']], 'zh_CN')).toBe('31,536,000 of [a, b]');
    expect(() => messageFormat('broken {0', ['x'], 'en_US')).toThrow();
  });

  it('String.format for messages outside the catalogue; Platform.err keeps the raw format when it throws', () => {
    expect(javaFormat('field[%s] in range of [%s, %s]', ['d', 60, 100])).toBe(
      'field[d] in range of [60, 100]',
    );
    expect(javaFormat('%s and %s', [['a', 'b'], null])).toBe('[a, b] and null');
    expect(new Msg('a %s b %s', ['only one'], false).render('zh_CN')).toBe('a %s b %s');
  });

  it('every catalogue entry has both locales and the same placeholders in each', () => {
    const placeholders = (p: string) => [...p.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
    for (const [key, t] of Object.entries(CATALOGUE)) {
      expect(t.en_US, key).not.toBe('');
      expect(t.zh_CN, key).not.toBe('');
      const args = (key.match(/%s/g) ?? []).length;
      for (const p of [t.en_US, t.zh_CN]) {
        for (const n of placeholders(p)) expect(Number(n), `${key} → ${p}`).toBeLessThan(Math.max(args, 1));
      }
    }
  });

  it('SIM_LOCALE: zh_CN by default, as a node; en_US on request; anything else falls back to zh_CN', () => {
    expect(simOptionsFromEnv({}).locale).toBe('zh_CN');
    expect(simOptionsFromEnv({ SIM_LOCALE: 'en_US' }).locale).toBe('en_US');
    expect(simOptionsFromEnv({ SIM_LOCALE: 'en-us' }).locale).toBe('en_US');
    expect(simOptionsFromEnv({ SIM_LOCALE: 'fr_FR' }).locale).toBe('zh_CN');
  });
});

describe('a node answering in its locale', () => {
  let zh: Harness;
  let en: Harness;
  const sessions: Record<string, string> = {};
  const addToWebPool = async (h: Harness, params: unknown) => {
    const s = await h.login('admin');
    const pool = await h.uuidOf('/load-balancers/servergroups', 'web-pool', s);
    return {
      pool,
      r: await h.call('POST', `/load-balancers/servergroups/${pool}/backendservers`, {
        session: s,
        body: { params },
      }),
    };
  };

  beforeAll(async () => {
    zh = await Harness.start({ locale: 'zh_CN', jobDurationMs: 5 });
    en = await Harness.start({ locale: 'en_US', jobDurationMs: 5 });
  });
  afterAll(async () => {
    await zh.close();
    await en.close();
  });
  beforeEach(async () => {
    for (const h of [zh, en]) await h.control('POST', '/reset');
    sessions.zh = await zh.login('admin');
  });

  it("words details as ZStack's catalogue does in each locale; the description stays English", async () => {
    const web1 = await zh.nicOf('web-1');
    const z = await addToWebPool(zh, { vmNics: [{ uuid: web1.uuid }] });
    expect(errorOf(z.r)).toEqual({
      code: 'SYS.1006',
      description: 'An operation failed',
      details: `VM NIC[uuid：[${web1.uuid}]]已位于负载平衡器ServerGroup[uuid：${z.pool}]上`,
    });
    const e = await addToWebPool(en, { vmNics: [{ uuid: web1.uuid }] });
    expect(errorOf(e.r)).toEqual({
      code: 'SYS.1006',
      description: 'An operation failed',
      details: `the vm nics[uuid:[${web1.uuid}]] are already on the load balancer servegroup [uuid:${e.pool}]`,
    });
  });

  it("names the IP in Chinese details too, and keeps ZStack's quirks (one argument for two placeholders)", async () => {
    const repeated = await addToWebPool(zh, { servers: [{ ipAddress: '10.0.0.11' }] });
    expect(errorOf(repeated.r).details).toBe(
      `无法将后端服务器IP添加到ServerGroup[uuid：${repeated.pool}]，因为IP[IPAddress：10.0.0.11]重复`,
    );
    const weight = await addToWebPool(zh, { servers: [{ ipAddress: '10.9.9.9', weight: 'x' }] });
    expect(errorOf(weight.r).details).toBe(
      '无法将后端服务器IP添加到ServerGroup[uuid：x]，因为vmnic权重[{1}]不是正确的数字',
    );
  });

  it('answers in English on a zh_CN node where ZStack has no translation', async () => {
    // a session that exists (the parameter check passes), renewed by a caller whose session does not
    const missing = await zh.call('PUT', `/accounts/sessions/${sessions.zh}/renew`, {
      session: '0123456789abcdef0123456789abcdef',
      body: { renewSession: {} },
    });
    expect(errorOf(missing)).toMatchObject({ code: 'ID.1001', details: 'Session expired' });
    const mandatory = await zh.request('PUT', '/iam2/projects/login', {
      session: await zh.loginVid('alice'),
      body: { loginIAM2Project: {} },
    });
    expect(errorOf(mandatory).details).toBe(
      'field[projectName] of message[org.zstack.header.message.ApiMessageParamValidator] is mandatory, can not be null',
    );
  });

  it("translates the REST layer's TypeVerifier text (plain-text 400) as ZStack does", async () => {
    const r = await zh.request('PUT', `/accounts/sessions/${sessions.zh}/renew`, {
      session: sessions.zh,
      body: { renewSession: { duration: 'soon' } },
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe('[duration] 属性期望是一个整数，但是得到的是 [soon]');
  });

  it('/__sim/config switches the locale at run time (a simulator control), reset restores the start one', async () => {
    const login = () =>
      zh.request('PUT', '/accounts/login', {
        body: { logInByAccount: { accountName: 'admin', password: 'x' } },
      });
    expect(errorOf(await login()).details).toBe('错误信息: 错误的帐号或密码');
    expect((await zh.control('POST', '/config', { locale: 'en_US' })).json).toMatchObject({
      locale: 'en_US',
    });
    expect(errorOf(await login()).details).toBe('wrong account name or password');
    expect((await zh.control('POST', '/config', { locale: 'de_DE' })).status).toBe(400);
    await zh.control('POST', '/reset');
    expect(errorOf(await login()).details).toBe('错误信息: 错误的帐号或密码');
  });
});
