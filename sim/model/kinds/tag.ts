/** System tags (ZStack's header/tag: SystemTagInventory extends TagInventory). */
import { bool, date, defineRoot, owned, str } from '../describe.ts';
import type { Owned, SystemTag } from '../types.ts';
import type { World } from '../world.ts';

/** The owner of a tagged resource, by the VO class ZStack records in resourceType. */
const OWNERS: Record<string, (w: World, uuid: string) => Owned | undefined> = {
  LoadBalancerListenerVO: (w, u) => w.listeners.get(u),
  LoadBalancerVO: (w, u) => w.loadBalancers.get(u),
  LoadBalancerServerGroupVO: (w, u) => w.serverGroups.get(u),
  VmInstanceVO: (w, u) => w.vms.get(u),
  VmNicVO: (w, u) => w.nics.get(u),
  L3NetworkVO: (w, u) => w.l3Networks.get(u),
};

export const systemTagKind = defineRoot<SystemTag>({
  name: 'SystemTag',
  inventoryClass: 'org.zstack.header.tag.SystemTagInventory',
  // Gson writes a subclass's own fields before those it inherits from TagInventory.
  members: {
    inherent: bool((r) => r.inherent),
    uuid: str((r) => r.uuid),
    resourceUuid: str((r) => r.resourceUuid),
    resourceType: str((r) => r.resourceType),
    tag: str((r) => r.tag),
    type: str(() => 'System'),
    createDate: date((r) => r.createDate),
    // SystemTagInventory.valueOf copies createDate into lastOpDate (tags here never change anyway).
    lastOpDate: date((r) => r.createDate),
  },
  rows: (w) => w.systemTags.list,
  get: (w, uuid) => w.systemTags.get(uuid),
  visible: (v, r, w) => {
    if (v.all) return true;
    const resource = OWNERS[r.resourceType]?.(w, r.resourceUuid);
    return resource !== undefined && owned(v, resource.owner);
  },
});
