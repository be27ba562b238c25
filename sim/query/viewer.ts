/** What a session may read; built by core/rbac.ts from the session's identity. */
export interface Viewer {
  /** The admin account and IAM2 platform admins read everything. */
  readonly all: boolean;
  /** Accounts whose resources (load balancers, networks, VMs, ...) are visible. */
  readonly accounts: ReadonlySet<string>;
  /** Projects whose IAM2 objects (the project, its groups, its members and their attributes) are visible. */
  readonly projects: ReadonlySet<string>;
  /** A virtual ID always sees itself. */
  readonly selfVirtualId?: string;
  /** A virtual ID without a project sees the projects it belongs to (and nothing inside them). */
  readonly memberProjects: ReadonlySet<string>;
}

export const ADMIN_VIEWER: Viewer = {
  all: true,
  accounts: new Set(),
  projects: new Set(),
  memberProjects: new Set(),
};
