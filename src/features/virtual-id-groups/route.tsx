import { RequireCapability } from '../../app/RequireCapability';
import { VirtualIdGroupsPage } from './VirtualIdGroupsPage';

export function Component() {
  return (
    <RequireCapability capability="queryGroups">
      <VirtualIdGroupsPage />
    </RequireCapability>
  );
}
