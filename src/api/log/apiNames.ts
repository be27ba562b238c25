/**
 * ZStack's API names for the calls the console makes, by HTTP method and path template. The templates and
 * methods are those of ZStack's generated Java SDK (`info.httpMethod`, `info.path` of each
 * `sdk/src/main/java/org/zstack/sdk/**\/*Action.java`), plus the `optionalPaths` of the query APIs'
 * `@RestRequest` (`/load-balancers/{uuid}`, ...). `sdkPackage` is the Java package of the action class;
 * `parameterName` is the key the body nests its parameters under (`info.parameterName`; '' for GET and
 * DELETE, whose parameters travel in the query string).
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiSpec {
  name: string;
  method: HttpMethod;
  /** Below /zstack/v1, with `{var}` segments. */
  template: string;
  sdkPackage: string;
  parameterName: string;
  /** A write to the infrastructure the console manages (what "writes only" shows, what can be undone). */
  write: boolean;
  /** An async API: answered 202, then followed as a job. */
  async: boolean;
  /** ZStack's query API (`q=`, `limit`, ...): the SDK's QueryAction. */
  query?: boolean;
  /** Needs no session (`@SuppressCredentialCheck`): login APIs and LogOut. */
  noSession?: boolean;
  /** Its answer carries a session (`inventory.uuid`), which the log must never keep. */
  returnsSession?: boolean;
  /** Its `{sessionUuid}` path variable is a session id. */
  sessionInPath?: boolean;
}

const sdk = 'org.zstack.sdk';
const iam2 = 'org.zstack.sdk.iam2.api';
const zwatch = 'org.zstack.sdk.zwatch.api';

const read = (name: string, template: string, sdkPackage = sdk): ApiSpec => ({
  name,
  method: 'GET',
  template,
  sdkPackage,
  parameterName: '',
  write: false,
  async: false,
});
const queryApi = (name: string, template: string, sdkPackage = sdk): ApiSpec[] => [
  { ...read(name, template, sdkPackage), query: true },
  { ...read(name, `${template}/{uuid}`, sdkPackage), query: true },
];

export const apiSpecs: readonly ApiSpec[] = [
  ...queryApi('QueryLoadBalancer', '/load-balancers'),
  ...queryApi('QueryLoadBalancerListener', '/load-balancers/listeners'),
  ...queryApi('QueryLoadBalancerServerGroup', '/load-balancers/servergroups'),
  read('GetCandidateVmNicsForLoadBalancerServerGroup', '/load-balancers/servergroups/candidate-nics'),
  ...queryApi('QueryVip', '/vips'),
  ...queryApi('QueryVmInstance', '/vm-instances'),
  ...queryApi('QueryVmNic', '/vm-instances/nics'),
  ...queryApi('QueryL3Network', '/l3-networks'),
  ...queryApi('QuerySystemTag', '/system-tags'),
  ...queryApi('QueryAccount', '/accounts'),
  ...queryApi('QueryIAM2Project', '/iam2/projects', iam2),
  ...queryApi('QueryIAM2VirtualIDGroup', '/iam2/projects/groups', iam2),
  ...queryApi('QueryIAM2VirtualID', '/iam2/virtual-ids', iam2),
  ...queryApi('QueryIAM2VirtualIDAttribute', '/iam2/virtual-ids/attributes', iam2),
  read('GetIAM2VirtualIDInGroup', '/iam2/IAM2VirtualIDGroup/IAM2VirtualID', iam2),
  read('GetIAM2ProjectsOfVirtualID', '/iam2/virtual-ids/projects', iam2),
  read('GetIAM2VirtualIDAPIPermission', '/iam2/virtual-ids/api-permissions', iam2),
  read('GetMetricData', '/zwatch/metrics', zwatch),
  {
    ...read('CheckApiPermission', '/accounts/permissions/actions'),
    method: 'PUT',
    parameterName: 'checkApiPermission',
  },
  {
    ...read('LogInByAccount', '/accounts/login'),
    method: 'PUT',
    parameterName: 'logInByAccount',
    noSession: true,
    returnsSession: true,
  },
  {
    ...read('LoginIAM2VirtualID', '/iam2/virtual-ids/login', iam2),
    method: 'PUT',
    parameterName: 'loginIAM2VirtualID',
    noSession: true,
    returnsSession: true,
  },
  {
    ...read('LoginIAM2Project', '/iam2/projects/login', iam2),
    method: 'PUT',
    parameterName: 'loginIAM2Project',
    returnsSession: true,
  },
  {
    ...read('LogOut', '/accounts/sessions/{sessionUuid}'),
    method: 'DELETE',
    noSession: true,
    sessionInPath: true,
  },
  {
    ...read('ValidateSession', '/accounts/sessions/{sessionUuid}/valid'),
    noSession: true,
    sessionInPath: true,
  },
  {
    ...read('RenewSession', '/accounts/sessions/{sessionUuid}/renew'),
    method: 'PUT',
    parameterName: 'renewSession',
    async: true,
    returnsSession: true,
    sessionInPath: true,
  },
  {
    ...read('AddBackendServerToServerGroup', '/load-balancers/servergroups/{serverGroupUuid}/backendservers'),
    method: 'POST',
    parameterName: 'params',
    write: true,
    async: true,
  },
  {
    ...read(
      'RemoveBackendServerFromServerGroup',
      '/load-balancers/servergroups/{serverGroupUuid}/backendservers/actions',
    ),
    method: 'PUT',
    parameterName: 'removeBackendServerFromServerGroup',
    write: true,
    async: true,
  },
  {
    // singular `backendserver`: ZStack's own path
    ...read(
      'ChangeLoadBalancerBackendServer',
      '/load-balancers/servergroups/{serverGroupUuid}/backendserver/actions',
    ),
    method: 'PUT',
    parameterName: 'changeLoadBalancerBackendServer',
    write: true,
    async: true,
  },
  {
    ...read('AddIAM2VirtualIDsToGroup', '/iam2/projects/groups/{groupUuid}/virtual-ids', iam2),
    method: 'POST',
    parameterName: 'params',
    write: true,
    async: true,
  },
  {
    ...read('RemoveIAM2VirtualIDsFromGroup', '/iam2/projects/groups/{groupUuid}/virtual-ids', iam2),
    method: 'DELETE',
    write: true,
    async: true,
  },
];

export const apiBasePath = '/zstack/v1';
/** The path of a job poll (GET, no session); not an API of its own. */
export const jobPathPrefix = `${apiBasePath}/api-jobs/`;

export interface MatchedApi {
  spec: ApiSpec;
  /** The values of the template's `{var}` segments, decoded. */
  vars: Record<string, string>;
}

/** Segments after the leading slash; an empty one (`//`, a trailing `/`) matches nothing. */
const segmentsOf = (path: string) => path.replace(/^\//, '').split('/');

interface Compiled {
  spec: ApiSpec;
  segments: string[];
  literals: number;
}

const compiled: Compiled[] = apiSpecs
  .map((spec) => {
    const segments = segmentsOf(spec.template);
    return { spec, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
  })
  // literal segments win over variables: /load-balancers/servergroups/candidate-nics is not a group uuid
  .sort((a, b) => b.literals - a.literals);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The API a request is, from its method and path (with or without /zstack/v1, without the query). */
export function matchApi(method: string, path: string): MatchedApi | undefined {
  const bare = path.startsWith(apiBasePath) ? path.slice(apiBasePath.length) : path;
  const segments = segmentsOf(bare.split('?')[0] ?? '');
  const upper = method.toUpperCase();
  for (const c of compiled) {
    if (c.spec.method !== upper || c.segments.length !== segments.length) continue;
    const vars: Record<string, string> = {};
    const ok = c.segments.every((t, i) => {
      const s = segments[i]!;
      if (t.startsWith('{')) {
        vars[t.slice(1, -1)] = decode(s);
        return s.length > 0;
      }
      return t === s;
    });
    if (ok) return { spec: c.spec, vars };
  }
  return undefined;
}

export function specByName(name: string): ApiSpec | undefined {
  return apiSpecs.find((s) => s.name === name && !s.template.endsWith('/{uuid}'));
}

/** A template with its variables filled in (URL-encoded), below /zstack/v1. */
export function fillTemplate(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
