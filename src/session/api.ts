import { request, zstack } from '../api/client';
import { runQuery, q } from '../api/query';
import {
  accountSchema,
  parseInventories,
  parseInventory,
  projectSchema,
  sessionSchema,
  virtualIdSchema,
  type Project,
  type Session,
  type VirtualId,
} from '../api/schemas';
import { getSessionId, onSessionExpired } from '../api/session';
import { sha512Hex } from '../lib/sha512';
import { takeFirstSessionId } from './firstSession';
import { endSession, type Identity } from './store';
import { clearApiLog } from '../api/log/wire';

async function putLogin(path: string, body: unknown, session?: string): Promise<Session> {
  const res = await request<unknown>('PUT', path, { body, auth: session !== undefined, session });
  return parseInventory(sessionSchema, res.data, path);
}

export interface AccountLogin {
  session: Session;
  identity: Identity;
  /** After LoginIAM2Project: the virtual ID's own session, which logging out ends too. */
  firstSessionUuid?: string;
}

export async function logInByAccount(name: string, password: string): Promise<AccountLogin> {
  const session = await putLogin('/accounts/login', {
    logInByAccount: { accountName: name, password: await sha512Hex(password) },
  });
  const identity: Identity = {
    kind: 'account',
    name,
    accountUuid: session.accountUuid ?? undefined,
    loggedInAt: Date.now(),
  };
  try {
    const account = await runQuery(
      '/accounts',
      accountSchema,
      { q: [q.eq('uuid', session.accountUuid ?? '')], limit: 1 },
      { session: session.uuid },
    );
    const inv = account.inventories[0];
    if (inv) {
      identity.name = inv.name;
      identity.accountType = inv.type ?? undefined;
    }
  } catch {
    // The account type is a hint for the capability model; the server stays the authority.
  }
  return { session, identity };
}

export interface VirtualIdLogin {
  session: Session;
  virtualId?: VirtualId;
  projects: Project[];
  identity: Identity;
}

/** First step of an IAM2 login: the virtual ID's own session, its projects and role attributes. */
export async function loginIAM2VirtualID(name: string, password: string): Promise<VirtualIdLogin> {
  const session = await putLogin('/iam2/virtual-ids/login', {
    loginIAM2VirtualID: { name, password: await sha512Hex(password) },
  });
  const opts = { session: session.uuid };
  const [projects, virtualId] = await Promise.all([
    zstack
      .get<unknown>('/iam2/virtual-ids/projects', undefined, opts)
      .then((data) => parseInventories(projectSchema, data, '/iam2/virtual-ids/projects').inventories),
    runQuery(
      '/iam2/virtual-ids',
      virtualIdSchema,
      { q: [q.eq('uuid', session.userUuid ?? '')], limit: 1 },
      opts,
    )
      .then((r) => r.inventories[0])
      .catch(() => undefined),
  ]);
  const identity: Identity = {
    kind: 'virtualId',
    name,
    accountUuid: session.accountUuid ?? undefined,
    virtualIdUuid: session.userUuid ?? virtualId?.uuid,
    attributes: virtualId?.attributes?.map((a) => ({ name: a.name, value: a.value })),
    loggedInAt: Date.now(),
  };
  return { session, virtualId, projects, identity };
}

/** Second step: a session that acts inside one project. */
export async function loginIAM2Project(first: VirtualIdLogin, project: Project): Promise<AccountLogin> {
  const session = await putLogin(
    '/iam2/projects/login',
    { loginIAM2Project: { projectName: project.name } },
    first.session.uuid,
  );
  return {
    session,
    firstSessionUuid: first.session.uuid,
    identity: {
      ...first.identity,
      accountUuid: session.accountUuid ?? project.linkedAccountUuid ?? undefined,
      projectUuid: project.uuid,
      projectName: project.name,
      loggedInAt: Date.now(),
    },
  };
}

// Logging out in one tab logs out every tab of the console in this browser.
const tabs =
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('zstack-console.session');
tabs?.addEventListener('message', (event: MessageEvent) => {
  if (event.data === 'logout') void logOut({ broadcast: false });
});

// ZStack ended the project session (ID.1001): the virtual ID's own session, if any, goes with it.
onSessionExpired(() => void endServerSessions([takeFirstSessionId()]));

/** Ends every session the console holds, on the server (best effort: the console forgets them either way). */
export async function logOut({ broadcast = true }: { broadcast?: boolean } = {}): Promise<void> {
  const sessions = [getSessionId(), takeFirstSessionId()];
  endSession();
  if (broadcast) tabs?.postMessage('logout');
  await endServerSessions(sessions);
  // The log went with the session state; its LogOut calls go too.
  clearApiLog();
}

/** LogOut on the server, best effort: the console has forgotten these sessions either way. */
export async function endServerSessions(uuids: (string | undefined)[]): Promise<void> {
  await Promise.all(
    uuids
      .filter((uuid): uuid is string => !!uuid)
      .map(async (uuid) => {
        try {
          await zstack.del(`/accounts/sessions/${uuid}`, undefined, { auth: false });
        } catch {
          // already gone on the server, or the node is unreachable: nothing else to do
        }
      }),
  );
}
