import { RequireCapability } from '../../app/RequireCapability';
import { ServerGroupsPage } from './ServerGroupsPage';

export function Component() {
  return (
    <RequireCapability capability="queryServerGroups">
      <ServerGroupsPage />
    </RequireCapability>
  );
}
