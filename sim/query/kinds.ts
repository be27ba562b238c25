/**
 * The inventories the query engine knows, by name. Each is described once, in model/kinds/*.ts (members in
 * the Java class's order, their query types, nested inventories, relations, visibility); see
 * model/describe.ts for what a description holds.
 */
export {
  kindByName,
  type FieldDef,
  type FieldType,
  type FieldValue,
  type KindDef,
  type RelationDef,
  type RootKindDef,
} from '../model/describe.ts';
export { ipRangeKind, l3Kind, networkServiceRefKind, usedIpKind, vipKind } from '../model/kinds/network.ts';
export { vmKind, vmNicKind } from '../model/kinds/vm.ts';
export {
  listenerKind,
  listenerNicRefKind,
  listenerSgRefKind,
  loadBalancerKind,
  nicRefKind,
  serverGroupKind,
  serverIpKind,
} from '../model/kinds/lb.ts';
export {
  accountKind,
  attributeKind,
  groupKind,
  policyStatementKind,
  projectKind,
  roleKind,
  roleStatementKind,
  sessionKind,
  virtualIdKind,
} from '../model/kinds/identity.ts';
export { systemTagKind } from '../model/kinds/tag.ts';
