import * as z from 'zod/mini';
import { malformed } from './client';

/**
 * The inventories the console reads, checked at the edge so that a body of the wrong shape becomes a
 * clear CONSOLE.MALFORMED error instead of a blank table. Objects are loose: ZStack sends more fields
 * than the console uses, and omits null ones.
 */
const str = z.string();
const optStr = z.optional(z.nullable(z.string()));
const optNum = z.optional(z.nullable(z.number()));

export const sessionSchema = z.looseObject({
  uuid: str,
  accountUuid: optStr,
  userUuid: optStr,
  userType: optStr,
  expiredDate: optStr,
  createDate: optStr,
});

export const accountSchema = z.looseObject({ uuid: str, name: str, type: optStr });

export const listenerSchema = z.looseObject({
  uuid: str,
  name: str,
  loadBalancerUuid: optStr,
  protocol: optStr,
  loadBalancerPort: optNum,
  instancePort: optNum,
});

export const loadBalancerSchema = z.looseObject({
  uuid: str,
  name: str,
  type: optStr,
  state: optStr,
  vipUuid: optStr,
  serverGroupUuid: optStr,
  description: optStr,
  listeners: z.optional(z.array(listenerSchema)),
});

export const vipSchema = z.looseObject({ uuid: str, name: optStr, ip: optStr });

export const nicRefSchema = z.looseObject({
  id: z.optional(z.union([z.number(), z.string()])),
  vmNicUuid: str,
  weight: optNum,
  ipVersion: optNum,
  status: optStr,
});

export const serverIpSchema = z.looseObject({
  id: z.optional(z.union([z.number(), z.string()])),
  ipAddress: str,
  weight: optNum,
  ipVersion: optNum,
  status: optStr,
});

export const listenerServerGroupRefSchema = z.looseObject({
  listenerUuid: optStr,
  serverGroupUuid: optStr,
});

export const serverGroupSchema = z.looseObject({
  uuid: str,
  name: str,
  description: optStr,
  loadBalancerUuid: optStr,
  ipVersion: optNum,
  vmNicRefs: z.optional(z.array(nicRefSchema)),
  serverIps: z.optional(z.array(serverIpSchema)),
  listenerServerGroupRefs: z.optional(z.array(listenerServerGroupRefSchema)),
});

export const vmNicSchema = z.looseObject({
  uuid: str,
  vmInstanceUuid: optStr,
  l3NetworkUuid: optStr,
  ip: optStr,
  mac: optStr,
  ipVersion: optNum,
  state: optStr,
  /** Set on appliance (virtual router) NICs: those are never backends. */
  metaData: optStr,
  /** Every IP of the NIC (two on a dual-stack one); its own `ipVersion` is not set on the wire. */
  usedIps: z.optional(z.array(z.looseObject({ ip: optStr, ipVersion: optNum }))),
});

export const vmInstanceSchema = z.looseObject({
  uuid: str,
  name: str,
  state: optStr,
  type: optStr,
  vmNics: z.optional(z.array(vmNicSchema)),
});

export const l3NetworkSchema = z.looseObject({
  uuid: str,
  name: str,
  networkServices: z.optional(z.array(z.looseObject({ networkServiceType: optStr }))),
});

export const projectSchema = z.looseObject({
  uuid: str,
  name: str,
  description: optStr,
  state: optStr,
  linkedAccountUuid: optStr,
});

export const groupSchema = z.looseObject({
  uuid: str,
  name: str,
  description: optStr,
  projectUuid: optStr,
  state: optStr,
});

export const attributeSchema = z.looseObject({
  virtualIDUuid: optStr,
  name: str,
  value: optStr,
});

export const virtualIdSchema = z.looseObject({
  uuid: str,
  name: str,
  description: optStr,
  type: optStr,
  state: optStr,
  createDate: optStr,
  lastOpDate: optStr,
  attributes: z.optional(z.array(attributeSchema)),
});

export type Session = z.infer<typeof sessionSchema>;
export type Account = z.infer<typeof accountSchema>;
export type Listener = z.infer<typeof listenerSchema>;
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
export type Vip = z.infer<typeof vipSchema>;
export type NicRef = z.infer<typeof nicRefSchema>;
export type ServerIp = z.infer<typeof serverIpSchema>;
export type ServerGroup = z.infer<typeof serverGroupSchema>;
export type ListenerServerGroupRef = z.infer<typeof listenerServerGroupRefSchema>;
export type VmNic = z.infer<typeof vmNicSchema>;
export type VmInstance = z.infer<typeof vmInstanceSchema>;
export type L3Network = z.infer<typeof l3NetworkSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Group = z.infer<typeof groupSchema>;
export type VirtualId = z.infer<typeof virtualIdSchema>;
export type Attribute = z.infer<typeof attributeSchema>;

const envelopes = new WeakMap<z.ZodMiniType, z.ZodMiniType>();

function envelopeOf<S extends z.ZodMiniType>(item: S) {
  let envelope = envelopes.get(item);
  if (!envelope) {
    envelope = z.looseObject({ inventories: z.array(item), total: z.optional(z.number()) });
    envelopes.set(item, envelope);
  }
  return envelope as z.ZodMiniType<{ inventories: z.output<S>[]; total?: number }>;
}

/** Checks a query answer ({"inventories": [...], "total": N}) against the item schema. */
export function parseInventories<S extends z.ZodMiniType>(
  item: S,
  data: unknown,
  where: string,
): { inventories: z.output<S>[]; total?: number } {
  const result = envelopeOf(item).safeParse(data);
  if (result.success) return result.data;
  throw malformed(
    'GET',
    where,
    200,
    `${z.prettifyError(result.error)}; got ${JSON.stringify(data).slice(0, 120)}`,
    'an unexpected shape',
  );
}

/** Checks a single {"inventory": {...}} answer. */
export function parseInventory<S extends z.ZodMiniType>(item: S, data: unknown, where: string): z.output<S> {
  const result = z.looseObject({ inventory: item }).safeParse(data);
  if (result.success) return result.data.inventory as z.output<S>;
  throw malformed(
    'GET',
    where,
    200,
    `${z.prettifyError(result.error)}; got ${JSON.stringify(data).slice(0, 120)}`,
    'an unexpected shape',
  );
}
