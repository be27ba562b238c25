import type { BackendRowCode } from './backends';
import type { CsvProblem } from './csv';
import type { MemberRowCode } from './members';

/** Per-row errors of an imported file, shown with the row's line number. */
export const rowMessages: Record<
  BackendRowCode | MemberRowCode | CsvProblem['code'],
  (detail?: string) => string
> = {
  emptyRow: () => 'Empty row',
  tooManyColumns: (n) => `Too many columns: this file's rows have ${n}`,
  badWeight: (w) => `Weight "${w}" is not a whole number from 0 to 100`,
  badNicUuid: (u) => `"${u}" is not a NIC uuid (32 hexadecimal characters)`,
  badUuid: (u) => `"${u}" is not a virtual ID uuid (32 hexadecimal characters)`,
  badIp: (ip) => `"${ip}" is not a valid IPv4 or IPv6 address`,
  missingIp: (vm) => `VM ${vm}: give the IP of its NIC as well`,
  missingBackend: () => 'No NIC uuid, VM name or IP address in this row',
  nicNeedsVm: (ip) => `A VM NIC needs its NIC uuid, or its VM name with the IP ${ip}`,
  badType: (t) => `Type "${t}" is neither a VM NIC ("nic") nor an IP address ("ip")`,
  unclosedQuote: () => 'A quote opened on this line is never closed: the rest of the file is inside it',
  badQuote: () => 'A quote inside an unquoted value',
};

export const fileMessages = {
  notUtf8: 'The file is not UTF-8 text. Save it as "CSV UTF-8" and choose it again.',
} as const;
