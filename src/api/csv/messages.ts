import type { MessageKey } from '../../i18n/keys';
import type { BackendReason } from './resolveBackends';
import type { MemberReason } from './resolveMembers';

/**
 * Why an imported row could not be staged, shown with its row number: the catalogue key of each reason
 * (src/i18n/locales/<locale>/app.json, `csv.reason.*`), which takes the outcome's `detail`.
 */
export const reasonMessageKeys = {
  unknownNic: 'csv.reason.unknownNic',
  unknownVm: 'csv.reason.unknownVm',
  noNicWithIp: 'csv.reason.noNicWithIp',
  ambiguousName: 'csv.reason.ambiguousName',
  noIp: 'csv.reason.noIp',
  notOnLbNetwork: 'csv.reason.notOnLbNetwork',
  wrongIpVersion: 'csv.reason.wrongIpVersion',
  alreadyMember: 'csv.reason.alreadyMember',
  ipTaken: 'csv.reason.ipTaken',
  sharedLoadBalancer: 'csv.reason.sharedLoadBalancer',
  duplicate: 'csv.reason.duplicate',
  unknownVirtualId: 'csv.reason.unknownVirtualId',
  notInProject: 'csv.reason.notInProject',
  staled: 'csv.reason.staled',
} as const satisfies Record<BackendReason | MemberReason, MessageKey>;
