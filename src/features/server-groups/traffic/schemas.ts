import * as z from 'zod/mini';

/**
 * What the traffic modules read from ZStack, checked at the edge like src/api/schemas.ts (loose objects:
 * a node sends more than is read here, and drops null members).
 */
const optStr = z.optional(z.nullable(z.string()));
const optNum = z.optional(z.nullable(z.number()));

/** SystemTagInventory (QuerySystemTag, `GET /system-tags`). */
export const systemTagSchema = z.looseObject({
  uuid: optStr,
  resourceUuid: z.string(),
  resourceType: optStr,
  tag: z.string(),
});

/**
 * The listener as the load balancer's inventory carries it, with what decides which backends share its
 * traffic: its server groups (LoadBalancerListenerServerGroupRefInventory) and its ACL refs, whose
 * `redirect` entries route requests to groups by rule (LoadBalancerListenerACLRefInventory).
 */
export const trafficListenerSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  protocol: optStr,
  loadBalancerPort: optNum,
  instancePort: optNum,
  serverGroupRefs: z.optional(
    z.nullable(z.array(z.looseObject({ serverGroupUuid: optStr, listenerUuid: optStr }))),
  ),
  aclRefs: z.optional(
    z.nullable(z.array(z.looseObject({ type: optStr, serverGroupUuid: optStr, aclUuid: optStr }))),
  ),
});

/** The weight and status of a backend of another group on the same listener. */
const peerBackendSchema = z.looseObject({ weight: optNum, status: optStr, ipVersion: optNum });

/** Another server group on one of the group's listeners: only what its share of the listener needs. */
export const peerGroupSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  vmNicRefs: z.optional(z.nullable(z.array(peerBackendSchema))),
  serverIps: z.optional(z.nullable(z.array(peerBackendSchema))),
});

/** ZWatch's Datapoint (sdk/.../zwatch/datatype/Datapoint.java): value Double, time Long, labels Map. */
export const datapointSchema = z.looseObject({
  value: optNum,
  time: optNum,
  labels: z.optional(z.nullable(z.record(z.string(), z.string()))),
});

/** GetMetricDataResult: `{"data": [Datapoint]}`. */
export const metricDataSchema = z.looseObject({
  data: z.optional(z.nullable(z.array(datapointSchema))),
});

export const vmStateSchema = z.looseObject({ uuid: z.string(), state: optStr });

export type SystemTag = z.infer<typeof systemTagSchema>;
export type TrafficListener = z.infer<typeof trafficListenerSchema>;
export type PeerGroup = z.infer<typeof peerGroupSchema>;
export type Datapoint = z.infer<typeof datapointSchema>;
