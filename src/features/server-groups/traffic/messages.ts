/**
 * Every sentence the traffic modules give the admin, in English, under the key it will take in the
 * message catalogues (src/i18n/README.md: `<area>.<what>`, area `traffic`). The modules return keys and
 * values, never built sentences, so that the text can move into `locales/*.json` as it is: the values are
 * ICU arguments (`{name}`), and no sentence needs a plural.
 */
export const trafficMessages = {
  // the listener's balancing algorithm (balancerAlgorithm::<name>)
  'traffic.algorithm.roundrobin': 'Round robin',
  'traffic.algorithm.weightroundrobin': 'Weighted round robin',
  'traffic.algorithm.leastconn': 'Least connections',
  'traffic.algorithm.source': 'Source address',
  'traffic.algorithm.other': 'Algorithm “{name}”',
  'traffic.algorithm.defaulted':
    'The listener has no algorithm tag: ZStack uses round robin, its global default.',

  // what decides the share of traffic, per listener
  'traffic.share.weighted':
    'Weighted round robin: a backend gets its weight divided by the sum of the weights of the backends this listener serves. Weight 0 gets no new connections.',
  'traffic.share.equal':
    'Weights have no effect until the listener uses weighted round robin. Round robin gives every backend that can serve an equal share, weight 0 included.',
  'traffic.share.leastconn':
    'Least connections: each new connection goes to the backend with the fewest open connections, so no share can be given in advance. Weights have no effect.',
  'traffic.share.source':
    'Source address: a hash of the client’s IP address decides which backend serves it, so no share can be given in advance. Weights have no effect.',
  'traffic.share.otherAlgorithm':
    'The listener uses “{name}”, an algorithm the console does not know: no share is shown.',
  'traffic.share.algorithmUnknown': 'The listener’s algorithm could not be read: no share is shown.',
  'traffic.share.poolUnknown':
    'The listener also serves other server groups whose backends could not be read: no share is shown.',
  'traffic.share.pooledWithOthers': 'The listener also serves {groups}: shares are of everything it serves.',
  'traffic.share.routedByRules':
    'The listener routes requests by forwarding rules: shares are of what reaches this group.',
  'traffic.share.udpWeightZero':
    'A backend has weight 0: on a UDP listener ZStack balances with gobetween, whose weighted balancing then refuses every new client. Give it a weight above 0 or remove it.',
  'traffic.share.noTraffic': 'No backend here can take new connections on this listener.',
  'traffic.share.weightsNoEffect':
    'Weights have no effect: none of this group’s listeners uses weighted round robin.',
  'traffic.share.weightsSomeListeners':
    'Weights take effect on {listeners} only: the group’s other listeners do not use weighted round robin.',

  // one backend's cell
  'traffic.cell.weightZero': 'Weight 0: no new connections',
  'traffic.cell.inactive': 'Inactive: left out of the listener while its VM is stopped',
  'traffic.cell.down': 'Failing its health check: no traffic until it passes',
  'traffic.cell.invalidWeight': 'No share until the weight is valid',

  // attachment status (the ref's status), not health
  'traffic.status.heading': 'Attachment status',
  'traffic.status.active': 'Active',
  'traffic.status.activeHelp':
    'Attached: ZStack includes it in the listener. Whether it gets traffic depends on the algorithm and its health.',
  'traffic.status.inactive': 'Inactive',
  'traffic.status.inactiveHelp':
    'Its VM is stopped: ZStack leaves it out of the listener until the VM starts again.',
  'traffic.status.pending': 'Pending',
  'traffic.status.pendingHelp':
    'ZStack’s router includes a Pending backend in the listener as it does an Active one.',
  'traffic.status.unknown': 'Status “{status}”',
  'traffic.status.missing': 'No status',
  'traffic.status.notHealth':
    'The attachment status says whether ZStack includes the backend, not whether it answers: that is health.',
  'traffic.vm.heading': 'VM state',
  'traffic.vm.running': 'VM running',
  'traffic.vm.stopped': 'VM stopped',
  'traffic.vm.state': 'VM {state}',
  'traffic.vm.stoppedButActive':
    'The VM is {state} but the backend is still attached: the health check takes it out of rotation.',

  // health (ZWatch's LoadBalancerBackendStatus), per listener
  'traffic.health.heading': 'Health',
  'traffic.health.up': 'Up',
  'traffic.health.down': 'Down',
  'traffic.health.noData': 'No data',
  'traffic.health.noDataHelp': 'ZWatch has no health data for this backend on this listener yet.',
  'traffic.health.needsZWatch':
    'Health needs ZWatch, which this management node does not have. Attachment status is shown instead.',
  'traffic.health.check': '{protocol} check on port {port} every {interval} s',
  'traffic.health.checkHttp':
    'HTTP check: {method} {uri} on port {port} every {interval} s, expecting {codes}',
  'traffic.health.thresholds':
    'Up after {healthy} passing checks in a row, down after {unhealthy} failing ones',

  // drain
  'traffic.drain.draining': 'Draining',
  'traffic.drain.sessions': 'Open sessions: {count}',
  'traffic.drain.drained': 'Drained: no open sessions',
  'traffic.drain.unverified':
    'Weight 0 since {since, time, short}: no new connections. Without ZWatch the console cannot see open sessions.',
  'traffic.drain.noSessionData':
    'Weight 0 since {since, time, short}: no new connections. ZWatch has no session count for it, so the console cannot see open ones.',
  'traffic.drain.persistence':
    'The listener keeps sessions on a backend ({mode}): clients that already have one still reach it.',
  'traffic.drain.refusedAlgorithm':
    'Draining sets weight 0, and weight 0 does nothing on {listeners}: weights have no effect there. Remove the backend instead.',
  'traffic.drain.refusedUdp':
    'Draining sets weight 0, and on UDP listeners ({listeners}) weight 0 makes gobetween, ZStack’s UDP balancer, refuse every new client. Remove the backend instead.',
  'traffic.drain.refusedAlgorithmUnknown':
    'The listeners’ algorithms could not be read, so the console cannot tell whether weight 0 drains. Remove the backend instead.',
  'traffic.drain.refusedIpv6':
    'ZStack changes the weight of IPv4 server addresses only: {ip} cannot be drained. Remove it instead.',
  'traffic.drain.refusedShared':
    'ZStack does not change the weight of a server address on a shared load balancer: {ip} cannot be drained.',
  'traffic.drain.noListener':
    'The group is on no listener: it receives no traffic, so there is nothing to drain.',
  'traffic.drain.remove': 'Remove',
  'traffic.drain.restore': 'Restore weight',
  'traffic.drain.restoreTo': 'Restore weight {weight}',
  'traffic.drain.previousUnknown':
    'Its weight was 0 before the console drained it: choose the weight to restore.',
} as const;

export type TrafficMessageKey = keyof typeof trafficMessages;
export type TrafficValues = Record<string, string | number | Date>;

/** A sentence to show: its key and the ICU values it takes. */
export interface TrafficMessage {
  key: TrafficMessageKey;
  values?: TrafficValues;
}

export const msg = (key: TrafficMessageKey, values?: TrafficValues): TrafficMessage =>
  values ? { key, values } : { key };

const english = (value: string | number | Date): string =>
  value instanceof Date ? value.toLocaleTimeString('en', { timeStyle: 'short' }) : String(value);

/**
 * The English text with its values in place (`{name}`, `{since, time, short}`), for tests and until the
 * catalogues take these messages.
 */
export function englishText({ key, values }: TrafficMessage): string {
  return trafficMessages[key].replace(/\{(\w+)(?:, *\w+(?:, *\w+)?)?\}/g, (whole, name: string) => {
    const value = values?.[name];
    return value === undefined ? whole : english(value);
  });
}
