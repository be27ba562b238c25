/** The IP helpers live in src/lib/ip.ts: the CSV import reads addresses with the same rules. */
export { canonicalIp, compareIps, ipVersionOf, isIp } from '../../lib/ip';
