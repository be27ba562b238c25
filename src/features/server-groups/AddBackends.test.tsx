import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../../test/render';
import { fakeFetch, json, type Call } from '../../test/fakeFetch';
import { endSession, startSession } from '../../session/store';
import { apis } from '../../session/capabilities';
import type { ServerGroup } from '../../api/schemas';
import { capabilityKey, createQueryClient } from '../../api/queryClient';
import { AddBackends } from './AddBackends';

const uuid = (c: string) => c.repeat(32);
const group: ServerGroup = {
  uuid: uuid('9'),
  name: 'web-pool',
  loadBalancerUuid: uuid('1'),
  ipVersion: 4,
  vmNicRefs: [{ vmNicUuid: uuid('a'), weight: 100 }],
  serverIps: [{ ipAddress: '192.168.100.10', weight: 20 }],
};

function zstack(jobAnswers: Response[]) {
  return fakeFetch((call: Call) => {
    const url = new URL(call.url, 'http://console');
    if (call.method === 'POST')
      return json(202, { location: `http://node:8080/zstack/v1/api-jobs/${uuid('7')}` });
    if (url.pathname.includes('/api-jobs/')) return jobAnswers.shift() ?? json(200, {});
    return json(200, { inventories: [], total: 0 });
  });
}

function renderForm(lbType = 'SLB') {
  const client = createQueryClient();
  client.setQueryData(
    [...capabilityKey, 'account', 'admin', ''],
    Object.fromEntries(Object.values(apis).map((a) => [a, 'Allow'])),
  );
  return render(<AddBackends group={group} lbType={lbType} lbLoading={false} />, { client });
}

async function stage(lines: string) {
  await userEvent.type(screen.getByRole('textbox', { name: 'IP addresses' }), lines);
  await userEvent.click(screen.getByRole('button', { name: 'Add to list' }));
}

describe('AddBackends', () => {
  beforeEach(() => {
    startSession(uuid('5'), { kind: 'account', name: 'admin', accountType: 'SystemAdmin', loggedInAt: 0 });
  });
  afterEach(() => {
    endSession();
    vi.unstubAllGlobals();
  });

  it('refuses a weight above 100 and an IP already in the group at their rows, and sends nothing', async () => {
    const { calls } = zstack([]);
    renderForm();
    await stage('10.0.0.7{enter}192.168.100.10');
    const weight = screen.getByRole('textbox', { name: 'Weight for 10.0.0.7' });
    await userEvent.clear(weight);
    await userEvent.type(weight, '101');
    await userEvent.click(screen.getByRole('button', { name: 'Add backend servers' }));
    await waitFor(() => expect(weight).toHaveAttribute('aria-invalid', 'true'));
    expect(weight).toHaveAccessibleDescription('Weight must be a whole number from 0 to 100');
    expect(screen.getByRole('textbox', { name: 'Weight for 192.168.100.10' })).toHaveAccessibleDescription(
      'Already a backend of this group',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('sends the staged rows in one request and clears them when ZStack is done', async () => {
    const { calls } = zstack([json(202, {}), json(200, { inventory: { ...group } })]);
    renderForm();
    await stage('10.0.0.7 30{enter}fd00::8');
    await userEvent.click(screen.getByRole('button', { name: 'Add backend servers' }));
    await waitFor(() =>
      expect(screen.queryByRole('textbox', { name: /^Weight for/ })).not.toBeInTheDocument(),
    );
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe(`/zstack/v1/load-balancers/servergroups/${group.uuid}/backendservers`);
    expect(posts[0]!.body).toEqual({
      params: {
        servers: [
          { ipAddress: '10.0.0.7', weight: '30' },
          { ipAddress: 'fd00::8', weight: '100' },
        ],
      },
    });
  });

  it("keeps every row after ZStack's error and marks the one it names", async () => {
    zstack([
      json(503, {
        error: {
          code: 'SYS.1006',
          description: 'An operation failed',
          details: 'ip [ipAddress:10.0.0.8] is repeated',
        },
      }),
    ]);
    renderForm();
    await stage('10.0.0.7 30{enter}10.0.0.8 40');
    await userEvent.click(screen.getByRole('button', { name: 'Add backend servers' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('SYS.1006');
    expect(screen.getByRole('textbox', { name: 'Weight for 10.0.0.7' })).toHaveValue('30');
    expect(screen.getByRole('textbox', { name: 'Weight for 10.0.0.7' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('textbox', { name: 'Weight for 10.0.0.8' })).toHaveValue('40');
    expect(screen.getByRole('textbox', { name: 'Weight for 10.0.0.8' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('disables IP addresses on a Shared load balancer, saying why', () => {
    zstack([]);
    renderForm('Shared');
    expect(screen.getByRole('textbox', { name: 'IP addresses' })).toBeDisabled();
    expect(screen.getByText(/ZStack accepts server IPs only on SLB load balancers/)).toBeInTheDocument();
  });
});
