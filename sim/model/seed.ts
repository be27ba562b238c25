import {
  ADMIN_ACCOUNT_UUID,
  ATTR_PLATFORM_ADMIN,
  ATTR_PROJECT_ADMIN,
  ATTR_PROJECT_OPERATOR,
  LB_BACKEND_WRITES,
  LB_ROLE_UUID,
  SEED_PASSWORD,
  sha512,
} from './constants.ts';
import { WorldBuilder } from './builder.ts';
import type { Listener } from './types.ts';
import { World } from './world.ts';
import { addScale } from './scale.ts';

export const XSS_NAME = '<img src=x onerror=alert(1)>';

const LB_SERVICES = ['DHCP', 'DNS', 'SNAT', 'LoadBalancer'];

/** Builds the seed (see README "Seed data"), plus SIM_SCALE generated rows. Deterministic. */
export function buildWorld(scale: number): World {
  const world = new World();
  const b = new WorldBuilder(world);
  const pwHash = sha512(SEED_PASSWORD);

  // Accounts and projects (each project has a linked account that owns the project's resources).
  const admin = b.account('admin', 'SystemAdmin', SEED_PASSWORD, ADMIN_ACCOUNT_UUID);
  const tenant = b.account('tenant', 'Normal', SEED_PASSWORD);
  const ops = b.project('ops', 'Operations: the web tier and its load balancer');
  const dev = b.project('dev', 'Development');
  const emptyProj = b.project('empty-proj', 'A project without groups');

  // Networks.
  const publicNet = b.l3('public-net', admin.uuid, '172.20.0.0/16', ['DHCP', 'DNS'], { category: 'Public' });
  const appNet = b.l3('app-net', ops.linkedAccountUuid, '10.0.0.0/24', LB_SERVICES);
  const appNetV6 = b.l3('app-net-v6', ops.linkedAccountUuid, 'fd00:10::/64', ['DHCP', 'LoadBalancer']);
  const dbNet = b.l3('db-net', ops.linkedAccountUuid, '10.0.1.0/24', ['DHCP', 'DNS']);
  const tenantNet = b.l3('tenant-net', tenant.uuid, '10.1.0.0/24', LB_SERVICES);
  const devNet = b.l3('dev-net', dev.linkedAccountUuid, '10.2.0.0/24', LB_SERVICES);
  const sharedNet = b.l3('shared-net', admin.uuid, '10.3.0.0/24', LB_SERVICES);

  // VMs of project ops.
  const o = ops.linkedAccountUuid;
  const web1 = b.vm('web-1', o, [{ l3: appNet, ip: '10.0.0.11' }]);
  b.vm('web-2', o, [{ l3: appNet, ip: '10.0.0.12' }]);
  b.vm('web-3', o, [{ l3: appNet, ip: '10.0.0.13' }]);
  b.vm('api-1', o, [{ l3: appNet, ip: '10.0.0.21' }]);
  b.vm(XSS_NAME, o, [{ l3: appNet, ip: '10.0.0.66' }], 'Running', 'xss-vm');
  b.vm('web-stopped', o, [{ l3: appNet, ip: '10.0.0.14' }], 'Stopped');
  b.vm('gateway-1', o, [
    { l3: appNet, ip: '10.0.0.5' },
    { l3: dbNet, ip: '10.0.1.5' },
  ]);
  b.vm('web-v6', o, [{ l3: appNetV6, ip: 'fd00:10::10' }]);
  b.vm('db-1', o, [{ l3: dbNet, ip: '10.0.1.11' }]);
  // Dual stack: an IPv4 and an IPv6 range; the NIC's primary IP is the IPv4 one, the IPv6 one a second used IP.
  const dualNet = b.l3('dual-net', o, '10.0.2.0/24', ['DHCP', 'LoadBalancer']);
  b.ipRange(dualNet, 'dual-net-range-v6', 'fd00:20::/64');
  dualNet.ipVersion = 46;
  const dualNic = world.nics.get(b.vm('dual-1', o, [{ l3: dualNet, ip: '10.0.2.10' }]).nicUuids[0]);
  if (dualNic) dualNic.secondaryIps = ['fd00:20::10'];
  const tenantVm = b.vm('tenant-vm-1', tenant.uuid, [{ l3: tenantNet, ip: '10.1.0.11' }]);
  const devVm = b.vm('dev-vm-1', dev.linkedAccountUuid, [{ l3: devNet, ip: '10.2.0.11' }]);
  const sharedVm = b.vm('shared-vm-1', admin.uuid, [{ l3: sharedNet, ip: '10.3.0.11' }]);
  const sharedStopped = b.vm('shared-vm-2', admin.uuid, [{ l3: sharedNet, ip: '10.3.0.12' }], 'Stopped');

  // Virtual routers (the admin's appliance VMs): a public NIC and a guest NIC per network they serve.
  const appRouter = b.router({ l3: publicNet, ip: '172.20.0.2' }, [appNet, appNetV6, dbNet, dualNet]);
  const sharedRouter = b.router({ l3: publicNet, ip: '172.20.0.3' }, [sharedNet]);
  const tenantRouter = b.router({ l3: publicNet, ip: '172.20.0.4' }, [tenantNet]);
  const devRouter = b.router({ l3: publicNet, ip: '172.20.0.5' }, [devNet]);

  // Load balancers.
  const webLb = b.loadBalancer('web-lb', 'SLB', o, { l3: appNet, ip: '10.0.0.100' }, appRouter);
  const webPool = b.serverGroup('web-pool', webLb, o, 4, 'Web servers behind web-lb');
  const web1Nic = world.nics.get(web1.nicUuids[0]);
  if (web1Nic) b.addNic(webPool, web1Nic, 100);
  b.serverGroup('api-pool', webLb, o, 4, 'API servers (empty)');
  const canaryPool = b.serverGroup('canary-pool', webLb, o, 4, 'Shares listener http-80 with web-pool');
  b.serverGroup('web-v6-pool', webLb, o, 6, 'IPv6 backends');
  listenerTags(
    b,
    b.listener('http-80', webLb, 'http', 80, 8080, [webPool, canaryPool]),
    'weightroundrobin',
    true,
  );
  listenerTags(b, b.listener('https-443', webLb, 'https', 443, 8443, [webPool]), 'roundrobin');

  const sharedLb = b.loadBalancer(
    'shared-lb',
    'Shared',
    admin.uuid,
    { l3: publicNet, ip: '172.20.0.10' },
    sharedRouter,
  );
  const sharedPool = b.serverGroup('shared-pool', sharedLb, admin.uuid);
  for (const vm of [sharedVm, sharedStopped]) {
    const nic = world.nics.get(vm.nicUuids[0]);
    if (nic) b.addNic(sharedPool, nic, 100); // shared-vm-2 is stopped: its backend is Inactive
  }
  listenerTags(b, b.listener('tcp-3306', sharedLb, 'tcp', 3306, 3306, [sharedPool]), 'leastconn');

  const tenantLb = b.loadBalancer(
    'tenant-lb',
    'SLB',
    tenant.uuid,
    { l3: tenantNet, ip: '10.1.0.100' },
    tenantRouter,
  );
  const tenantPool = b.serverGroup('tenant-pool', tenantLb, tenant.uuid);
  listenerTags(b, b.listener('tenant-http-80', tenantLb, 'http', 80, 80, [tenantPool]), 'roundrobin');
  void tenantVm;

  const devLb = b.loadBalancer(
    'dev-lb',
    'SLB',
    dev.linkedAccountUuid,
    { l3: devNet, ip: '10.2.0.100' },
    devRouter,
  );
  const devPool = b.serverGroup('dev-pool', devLb, dev.linkedAccountUuid);
  const devNic = world.nics.get(devVm.nicUuids[0]);
  if (devNic) b.addNic(devPool, devNic, 50);
  b.addServerIp(devPool, '192.168.100.10', 20);
  listenerTags(b, b.listener('dev-http-80', devLb, 'http', 80, 80, [devPool]), 'source');

  // A server group whose load balancer is gone (ZStack answers "loadbalacerServerGroup [...] is non-existent").
  b.serverGroup('orphan-pool', undefined, admin.uuid, 4, 'Its load balancer was deleted');

  // Roles.
  const lbRole = b.role(
    'load-balancer',
    'Predefined',
    [
      {
        name: 'load-balancer',
        effect: 'Allow',
        actions: ['org.zstack.network.service.lb.**', 'org.zstack.network.service.vip.**'],
      },
    ],
    LB_ROLE_UUID,
    'Predefined role: load balancers and VIPs',
  );
  const denyRole = b.role('deny-lb-backend-writes', 'Customized', [
    { name: 'deny-backend-writes', effect: 'Deny', actions: [...LB_BACKEND_WRITES] },
  ]);

  // Virtual IDs.
  const vid = (name: string, state: 'Enabled' | 'Disabled' | 'Staled' = 'Enabled', description?: string) =>
    b.virtualId(name, SEED_PASSWORD, state, description, pwHash);
  const opsAdmin = vid('ops-admin', 'Enabled', 'Project admin of ops');
  const opsOperator = vid('ops-operator', 'Enabled', 'Project operator of ops');
  const lbOperator = vid('lb-operator', 'Enabled', 'Member of ops with the load-balancer role');
  const lbViewer = vid(
    'lb-viewer',
    'Enabled',
    'Member of ops with the load-balancer role and a policy denying backend writes',
  );
  const auditor = vid('auditor', 'Enabled', 'Plain member of ops');
  const devAdmin = vid('dev-admin', 'Enabled', 'Project admin of dev');
  const platformAdmin = vid('platform-admin', 'Enabled', 'Platform admin');
  vid('newbie', 'Enabled', 'In no project');
  const alice = vid('alice');
  const bob = vid('bob');
  const carol = vid('carol');
  const dave = vid('dave');
  const eve = vid('eve', 'Disabled', 'Disabled member of ops');
  const mallory = vid('mallory', 'Staled', 'Staled member of ops');
  const xss = b.virtualId(XSS_NAME, SEED_PASSWORD, 'Enabled', undefined, pwHash);

  for (const v of [
    opsAdmin,
    opsOperator,
    lbOperator,
    lbViewer,
    auditor,
    alice,
    bob,
    carol,
    eve,
    mallory,
    xss,
  ])
    b.join(v, ops);
  for (const v of [devAdmin, dave]) b.join(v, dev);
  b.join(opsAdmin, emptyProj);

  b.attribute(opsAdmin, ATTR_PROJECT_ADMIN, ops);
  b.attribute(opsOperator, ATTR_PROJECT_OPERATOR, ops);
  b.attribute(devAdmin, ATTR_PROJECT_ADMIN, dev);
  b.attribute(platformAdmin, ATTR_PLATFORM_ADMIN);
  b.grant(lbOperator, lbRole, ops);
  b.grant(lbViewer, lbRole, ops);
  b.grant(lbViewer, denyRole, ops);

  b.group('oncall', ops, [alice], 'On-call rotation');
  b.group('sre', ops, [], 'Site reliability');
  b.group('dev-team', dev, [dave]);

  if (scale > 0) addScale(b, scale, { appNet, ops, router: appRouter });
  return world;
}

/**
 * The system tags LoadBalancerApiInterceptor gives every new listener, in its order (values: the lb.* global
 * config defaults of conf/globalConfig/lb.xml; the algorithm and the health check protocol as chosen here).
 */
function listenerTags(b: WorldBuilder, l: Listener, algorithm: string, httpCheck = false): void {
  const tags = [
    'connectionIdleTimeout::60',
    'healthyThreshold::2',
    'healthCheckInterval::5',
    `healthCheckTarget::${httpCheck ? 'http' : 'tcp'}:default`,
    'healthCheckTimeout::2',
    'unhealthyThreshold::6',
    'maxConnection::200000',
    `balancerAlgorithm::${algorithm}`,
    'Nbprocess::1',
    ...(l.protocol === 'http' || l.protocol === 'https' ? ['httpMode::http-server-close'] : []),
    // an HTTP health check (healthCheckProtocol=http, healthCheckURI=/) adds method:URI:expected codes
    ...(httpCheck ? ['healthCheckParameter::HEAD:/:http_2xx'] : []),
  ];
  for (const tag of tags) b.systemTag(l.uuid, 'LoadBalancerListenerVO', tag);
}
