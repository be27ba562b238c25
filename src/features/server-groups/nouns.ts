import { noun } from '../../lib/plural';

/** How this page counts what it shows. */
export const nouns = {
  backend: noun('backend server'),
  nic: noun('VM NIC'),
  ipAddress: noun('IP address', 'IP addresses'),
};
