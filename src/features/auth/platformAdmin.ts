import type { VirtualIdLogin } from '../../session/api';

/** An IAM2 platform admin may work without a project, or pick any. */
export function isPlatformAdmin(login: VirtualIdLogin): boolean {
  return login.identity.attributes?.some((a) => a.name === '__PlatformAdmin__') ?? false;
}
