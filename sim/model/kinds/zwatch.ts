/** ZWatch's data point (org.zstack.zwatch.datatype.Datapoint; ZWatch is closed source: from the SDK). */
import { defineKind, json, num } from '../describe.ts';

export interface Datapoint {
  value: number;
  /** Seconds since the epoch. */
  time: number;
  labels: Record<string, string>;
}

export const datapointKind = defineKind<Datapoint>({
  name: 'Datapoint',
  inventoryClass: 'org.zstack.zwatch.datatype.Datapoint',
  members: {
    value: num((r) => r.value),
    time: num((r) => r.time),
    labels: json((r) => r.labels),
  },
});
