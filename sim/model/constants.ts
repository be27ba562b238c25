import { createHash } from 'node:crypto';

/** ZStack's AccountConstant.INITIAL_SYSTEM_ADMIN_UUID: the built-in admin account. */
export const ADMIN_ACCOUNT_UUID = '36c27e8ff05c4780bf6d2fa65700f22e';
/** The account of a virtual ID's session before it selects a project. */
export const IAM2_ACCOUNT_UUID = '2dce5dc485554d21a3796500c1db007a';
/** ZStack's predefined "load-balancer" role (plugin/loadBalancer RBACInfo). */
export const LB_ROLE_UUID = 'cfc42f6e27be4fcc9e93b09356074e7e';

export const ATTR_PLATFORM_ADMIN = '__PlatformAdmin__';
export const ATTR_PROJECT_ADMIN = '__ProjectAdmin__';
export const ATTR_PROJECT_OPERATOR = '__ProjectOperator__';

export const SEED_PASSWORD = 'password';

export function sha512(text: string): string {
  return createHash('sha512').update(text).digest('hex');
}

export const API = {
  addBackend: 'org.zstack.network.service.lb.APIAddBackendServerToServerGroupMsg',
  removeBackend: 'org.zstack.network.service.lb.APIRemoveBackendServerFromServerGroupMsg',
  changeBackend: 'org.zstack.network.service.lb.APIChangeLoadBalancerBackendServerMsg',
  candidateNics: 'org.zstack.network.service.lb.APIGetCandidateVmNicsForLoadBalancerServerGroupMsg',
  candidateL3sForServerGroup: 'org.zstack.network.service.lb.APIGetCandidateL3NetworksForServerGroupMsg',
  candidateL3sForListener: 'org.zstack.network.service.lb.APIGetCandidateL3NetworksForLoadBalancerMsg',
  querySystemTag: 'org.zstack.header.tag.APIQuerySystemTagMsg',
  getMetricData: 'org.zstack.zwatch.api.APIGetMetricDataMsg',
  queryLb: 'org.zstack.network.service.lb.APIQueryLoadBalancerMsg',
  queryListener: 'org.zstack.network.service.lb.APIQueryLoadBalancerListenerMsg',
  queryServerGroup: 'org.zstack.network.service.lb.APIQueryLoadBalancerServerGroupMsg',
  queryNic: 'org.zstack.header.vm.APIQueryVmNicMsg',
  queryVm: 'org.zstack.header.vm.APIQueryVmInstanceMsg',
  queryL3: 'org.zstack.header.network.l3.APIQueryL3NetworkMsg',
  queryVip: 'org.zstack.network.service.vip.APIQueryVipMsg',
  queryAccount: 'org.zstack.header.identity.APIQueryAccountMsg',
  queryRole: 'org.zstack.header.identity.role.api.APIQueryRoleMsg',
  logIn: 'org.zstack.header.identity.APILogInByAccountMsg',
  logOut: 'org.zstack.header.identity.APILogOutMsg',
  validateSession: 'org.zstack.header.identity.APIValidateSessionMsg',
  renewSession: 'org.zstack.header.identity.APIRenewSessionMsg',
  checkApiPermission: 'org.zstack.header.identity.APICheckApiPermissionMsg',
  loginVid: 'org.zstack.iam2.api.APILoginIAM2VirtualIDMsg',
  loginProject: 'org.zstack.iam2.api.APILoginIAM2ProjectMsg',
  projectsOfVid: 'org.zstack.iam2.api.APIGetIAM2ProjectsOfVirtualIDMsg',
  vidApiPermission: 'org.zstack.iam2.api.APIGetIAM2VirtualIDAPIPermissionMsg',
  vidsInGroup: 'org.zstack.iam2.api.APIGetIAM2VirtualIDInGroupMsg',
  addVidsToGroup: 'org.zstack.iam2.api.APIAddIAM2VirtualIDsToGroupMsg',
  removeVidsFromGroup: 'org.zstack.iam2.api.APIRemoveIAM2VirtualIDsFromGroupMsg',
  queryProject: 'org.zstack.iam2.api.APIQueryIAM2ProjectMsg',
  queryGroup: 'org.zstack.iam2.api.APIQueryIAM2VirtualIDGroupMsg',
  queryVid: 'org.zstack.iam2.api.APIQueryIAM2VirtualIDMsg',
  queryVidAttribute: 'org.zstack.iam2.api.APIQueryIAM2VirtualIDAttributeMsg',
} as const;

/** Backend-changing APIs the deny-policy persona is refused. */
export const LB_BACKEND_WRITES = [API.addBackend, API.removeBackend, API.changeBackend];
