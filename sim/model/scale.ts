import { ipv4FromInt, ipv4ToInt } from '../util/ip.ts';
import { SEED_PASSWORD, sha512 } from './constants.ts';
import type { WorldBuilder } from './builder.ts';
import type { L3Network, Project, VmInstance } from './types.ts';

const GROUPS_PER_LB = 100;
const SCALE_BASE_IP = ipv4ToInt('10.64.0.0');
const SCALE_VIP_BASE = ipv4ToInt('10.127.0.0');

/** The i-th (1-based) scale address in 10.64.0.0/10, skipping .0 and .255. */
export function scaleIp(i: number): string {
  const k = i - 1;
  return ipv4FromInt(SCALE_BASE_IP + Math.floor(k / 254) * 256 + (k % 254) + 1);
}

/**
 * SIM_SCALE=N: N VMs with one NIC each on app-net (vm-000001, 10.64.0.1, ...), N virtual IDs in project ops
 * (vid-000001, ...) and N empty server groups spread over SLB load balancers of 100 groups each
 * (scale-lb-0001 holds scale-pool-000001..000100) on app-net's virtual router. Everything belongs to project ops.
 */
export function addScale(
  b: WorldBuilder,
  n: number,
  ctx: { appNet: L3Network; ops: Project; router: VmInstance },
): void {
  const { appNet, ops, router } = ctx;
  const owner = ops.linkedAccountUuid;
  b.useCounterUuids();
  b.ipRange(appNet, 'app-net-scale-range', '10.64.0.0/10');
  const width = Math.max(6, String(n).length);
  const pad = (i: number, w = width) => String(i).padStart(w, '0');

  for (let i = 1; i <= n; i++) {
    const name = `vm-${pad(i)}`;
    b.vm(name, owner, [{ l3: appNet, ip: scaleIp(i) }]);
  }

  const pwHash = sha512(SEED_PASSWORD);
  for (let i = 1; i <= n; i++) {
    const v = b.virtualId(`vid-${pad(i)}`, SEED_PASSWORD, 'Enabled', undefined, pwHash);
    b.join(v, ops);
  }

  const lbCount = Math.ceil(n / GROUPS_PER_LB);
  const lbWidth = Math.max(4, String(lbCount).length);
  for (let l = 1; l <= lbCount; l++) {
    const lbName = `scale-lb-${pad(l, lbWidth)}`;
    const lb = b.loadBalancer(
      lbName,
      'SLB',
      owner,
      { l3: appNet, ip: ipv4FromInt(SCALE_VIP_BASE + l) },
      router,
    );
    const first = (l - 1) * GROUPS_PER_LB + 1;
    const last = Math.min(n, l * GROUPS_PER_LB);
    for (let i = first; i <= last; i++) b.serverGroup(`scale-pool-${pad(i)}`, lb, owner);
  }
}
