/**
 * Inventories for the APIs' own replies (queries build theirs from the same descriptions, model/kinds/*.ts):
 * as ZStack's valueOf builds them, @APINoSee members included, tagged with their class for `schema`.
 */
import type { Session } from '../core/sessions.ts';
import type { Inventory } from './describe.ts';
import { projectKind, sessionKind, virtualIdKind } from './kinds/identity.ts';
import { serverGroupKind } from './kinds/lb.ts';
import { vmNicKind } from './kinds/vm.ts';
import type { Project, ServerGroup, VirtualId, VmNic } from './types.ts';
import { World } from './world.ts';

export type { Inventory } from './describe.ts';

/** For inventories built from their record alone (no member of theirs reads other tables). */
const RECORD_ONLY = new World();

export const nicInventory = (nic: VmNic, w: World): Inventory => vmNicKind.wire(nic, w);
export const serverGroupInventory = (sg: ServerGroup): Inventory => serverGroupKind.wire(sg, RECORD_ONLY);
export const projectInventory = (p: Project): Inventory => projectKind.wire(p, RECORD_ONLY);
export const virtualIdInventory = (v: VirtualId): Inventory => virtualIdKind.wire(v, RECORD_ONLY);
export const sessionInventory = (s: Session): Inventory => sessionKind.wire(s, RECORD_ONLY);
