import { describe, expect, it } from 'vitest';
import { apiSpecs, fillTemplate, matchApi, specByName } from './apiNames';

const u = '9e9c1f7a74ce3cb6b51d4f938537f765';

describe('ZStack API names', () => {
  it.each([
    ['GET', '/zstack/v1/load-balancers/servergroups', 'QueryLoadBalancerServerGroup'],
    ['GET', `/zstack/v1/load-balancers/servergroups/${u}`, 'QueryLoadBalancerServerGroup'],
    [
      'GET',
      '/zstack/v1/load-balancers/servergroups/candidate-nics',
      'GetCandidateVmNicsForLoadBalancerServerGroup',
    ],
    ['GET', `/zstack/v1/load-balancers/${u}`, 'QueryLoadBalancer'],
    ['GET', `/zstack/v1/vips/${u}`, 'QueryVip'],
    ['GET', '/zstack/v1/vm-instances/nics', 'QueryVmNic'],
    ['GET', `/zstack/v1/vm-instances/${u}`, 'QueryVmInstance'],
    ['GET', '/zstack/v1/iam2/projects/groups', 'QueryIAM2VirtualIDGroup'],
    ['GET', '/zstack/v1/iam2/IAM2VirtualIDGroup/IAM2VirtualID', 'GetIAM2VirtualIDInGroup'],
    ['GET', '/zstack/v1/iam2/virtual-ids/projects', 'GetIAM2ProjectsOfVirtualID'],
    ['PUT', '/zstack/v1/accounts/permissions/actions', 'CheckApiPermission'],
    ['PUT', '/zstack/v1/iam2/projects/login', 'LoginIAM2Project'],
    ['DELETE', `/zstack/v1/accounts/sessions/${u}`, 'LogOut'],
    ['POST', `/zstack/v1/load-balancers/servergroups/${u}/backendservers`, 'AddBackendServerToServerGroup'],
    [
      'PUT',
      `/zstack/v1/load-balancers/servergroups/${u}/backendservers/actions`,
      'RemoveBackendServerFromServerGroup',
    ],
    [
      'PUT',
      `/zstack/v1/load-balancers/servergroups/${u}/backendserver/actions`,
      'ChangeLoadBalancerBackendServer',
    ],
    ['POST', `/zstack/v1/iam2/projects/groups/${u}/virtual-ids`, 'AddIAM2VirtualIDsToGroup'],
    ['DELETE', `/iam2/projects/groups/${u}/virtual-ids`, 'RemoveIAM2VirtualIDsFromGroup'],
  ])('%s %s is %s', (method, path, name) => {
    expect(matchApi(method, path)?.spec.name).toBe(name);
  });

  it('gives the values of path variables, and nothing for a path or method it does not know', () => {
    expect(matchApi('post', `/load-balancers/servergroups/${u}/backendservers`)?.vars).toEqual({
      serverGroupUuid: u,
    });
    expect(matchApi('GET', `/zstack/v1/load-balancers/servergroups/${u}/backendservers`)).toBeUndefined();
    expect(matchApi('GET', `/zstack/v1/api-jobs/${u}`)).toBeUndefined();
    expect(matchApi('GET', '/zstack/v1/load-balancers/servergroups//x')).toBeUndefined();
  });

  it('marks the five writes of the console, and only them, as writes', () => {
    expect(apiSpecs.filter((s) => s.write).map((s) => s.name)).toEqual([
      'AddBackendServerToServerGroup',
      'RemoveBackendServerFromServerGroup',
      'ChangeLoadBalancerBackendServer',
      'AddIAM2VirtualIDsToGroup',
      'RemoveIAM2VirtualIDsFromGroup',
    ]);
  });

  it('fills a template, encoding its values', () => {
    const spec = specByName('AddIAM2VirtualIDsToGroup')!;
    expect(fillTemplate(spec.template, { groupUuid: 'a/b' })).toBe('/iam2/projects/groups/a%2Fb/virtual-ids');
    expect(() => fillTemplate(spec.template, {})).toThrow('{groupUuid}');
  });
});
