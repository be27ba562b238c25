import type { BackendReason } from './resolveBackends';
import type { MemberReason } from './resolveMembers';

/** Why an imported row could not be staged, shown with its line number. */
export const resolveMessages: Record<BackendReason | MemberReason, (detail?: string) => string> = {
  unknownNic: (u) => `No VM NIC ${u ?? ''}`.trim(),
  unknownVm: (name) => `No VM named ${name ?? ''}`.trim(),
  noNicWithIp: (ip) => `The VM has no NIC with the IP ${ip ?? ''}`.trim(),
  ambiguousName: (name) =>
    `Several VMs or virtual IDs are named ${name ?? ''}: use the NIC or virtual ID uuid`.trim(),
  noIp: () => 'This VM NIC has no IP address',
  notOnLbNetwork: (l3) => `Its network ${l3 ?? ''} has no load balancer service`.replace('  ', ' '),
  wrongIpVersion: (ip) => `Its IP ${ip ?? ''} is not of this server group's IP version`.replace('  ', ' '),
  alreadyMember: () => 'Already a member of this group',
  ipTaken: (ip) => `Its IP ${ip ?? ''} is already a backend of this group`.replace('  ', ' '),
  sharedLoadBalancer: () => 'A Shared load balancer takes VM NICs only, not IP addresses',
  duplicate: (line) => `Same as line ${line ?? '?'}`,
  unknownVirtualId: (what) => `No virtual ID ${what ?? ''}`.trim(),
  notInProject: (name) => `${name ?? 'This virtual ID'} is not in this group's project`,
  staled: (name) => `${name ?? 'This virtual ID'} is Staled: ZStack refuses to add it`,
};
