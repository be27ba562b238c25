import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '../../test/render';
import { fakeFetch, json, type Call } from '../../test/fakeFetch';
import { endSession, startSession } from '../../session/store';
import { apis } from '../../session/capabilities';
import type { Group } from '../../api/schemas';
import { capabilityKey, createQueryClient } from '../../api/queryClient';
import { AddMembersForm } from './AddMembersForm';

const uuid = (c: string) => c.repeat(32);
const group: Group = { uuid: uuid('9'), name: 'oncall', projectUuid: uuid('1') };
const vid = (c: string, name: string, state = 'Enabled') => ({ uuid: uuid(c), name, state, type: 'ZStack' });
const alice = vid('a', 'alice');
const candidates = [
  vid('b', 'bob'),
  vid('c', 'carol'),
  vid('e', 'eve', 'Disabled'),
  vid('f', 'mallory', 'Staled'),
];

function zstack(jobAnswers: Response[]) {
  return fakeFetch((call: Call) => {
    const url = new URL(call.url, 'http://console');
    if (url.pathname.endsWith('/accounts/permissions/actions'))
      return json(200, { inventory: Object.fromEntries(Object.values(apis).map((a) => [a, 'Allow'])) });
    if (url.pathname.endsWith('/iam2/IAM2VirtualIDGroup/IAM2VirtualID'))
      return json(200, { inventories: [alice], total: 1 });
    if (url.pathname.endsWith('/iam2/virtual-ids'))
      return json(200, { inventories: candidates, total: candidates.length });
    if (call.method === 'POST')
      return json(202, { location: `http://node:8080/zstack/v1/api-jobs/${uuid('7')}` });
    if (url.pathname.includes('/api-jobs/')) return jobAnswers.shift() ?? json(200, {});
    return json(404, {});
  });
}

/** The admin may do everything: answered up front, as the shell would have asked already. */
function renderForm() {
  const client = createQueryClient();
  client.setQueryData(
    [...capabilityKey, 'account', 'admin', ''],
    Object.fromEntries(Object.values(apis).map((a) => [a, 'Allow'])),
  );
  return render(<AddMembersForm group={group} projectUuid={uuid('1')} projectName="ops" />, { client });
}

describe('AddMembersForm', () => {
  beforeEach(() => {
    startSession(uuid('5'), { kind: 'account', name: 'admin', accountType: 'SystemAdmin', loggedInAt: 0 });
  });
  afterEach(() => {
    endSession();
    vi.unstubAllGlobals();
  });

  it('searches only non-members of the project, then adds the chosen ones in one request', async () => {
    const { calls } = zstack([]);
    renderForm();
    const input = screen.getByRole('combobox', { name: 'Virtual IDs' });
    await userEvent.click(input);
    await userEvent.click(await screen.findByRole('option', { name: /bob/ }));
    await userEvent.click(screen.getByRole('option', { name: /carol/ }));

    const search = calls
      .map((c) => new URL(c.url, 'http://console'))
      .find((u) => u.pathname.endsWith('/virtual-ids'))!;
    expect(search.searchParams.getAll('q')).toEqual([`projects.uuid=${uuid('1')}`, `uuid!?=${alice.uuid}`]);
    expect(search.searchParams.get('limit')).toBe('20');

    await userEvent.click(screen.getByRole('button', { name: 'Add to group' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove bob' })).not.toBeInTheDocument());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.url).toBe(`/zstack/v1/iam2/projects/groups/${group.uuid}/virtual-ids`);
    expect(posts[0]!.body).toEqual({ params: { virtualIDUuids: [uuid('b'), uuid('c')] } });
  });

  it('shows a Disabled marker and keeps Staled virtual IDs unselectable, with the reason', async () => {
    zstack([]);
    renderForm();
    await userEvent.click(screen.getByRole('combobox', { name: 'Virtual IDs' }));
    const eve = await screen.findByRole('option', { name: /eve/ });
    expect(within(eve).getByText('Disabled')).toBeInTheDocument();
    const mallory = screen.getByRole('option', { name: /mallory/ });
    expect(mallory).toHaveAttribute('data-combobox-disabled', 'true');
    expect(mallory).toHaveTextContent(/cannot add a stale virtual ID/);
    await userEvent.click(mallory);
    expect(screen.queryByRole('button', { name: 'Remove mallory' })).not.toBeInTheDocument();
  });

  it('shows a failed job inline with code, description and details, and keeps the choice', async () => {
    const error = {
      code: 'SYS.1006',
      description: 'An operation failed',
      details: `can not operate ${uuid('b')}`,
    };
    zstack([json(202, {}), json(503, { error })]);
    renderForm();
    await userEvent.click(screen.getByRole('combobox', { name: 'Virtual IDs' }));
    await userEvent.click(await screen.findByRole('option', { name: /bob/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add to group' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByTestId('error-code')).toHaveTextContent('SYS.1006');
    expect(within(alert).getByTestId('error-description')).toHaveTextContent('An operation failed');
    expect(within(alert).getByTestId('error-details')).toHaveTextContent(`can not operate ${uuid('b')}`);
    expect(alert).toHaveTextContent('The error names: bob.');
    expect(screen.getByRole('button', { name: 'Remove bob' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to group' })).toBeEnabled();
  });

  it('refuses to send nothing, saying what to do', async () => {
    const { calls } = zstack([]);
    renderForm();
    await userEvent.click(screen.getByRole('button', { name: 'Add to group' }));
    expect(await screen.findByText('Choose at least one virtual ID to add')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
