import { chunkByLength, encodedLength, maxRequestLine, requestLineLength } from '../batch';
import type { AsyncRequest } from '../jobs';
import { apiBasePath, fillTemplate, matchApi, specByName } from '../log/apiNames';
import type { ApiLogEntry } from '../log/types';
import type { BackendWrite, IpWeight, NicWeight, Write } from './types';

const weightText = (weight: number | undefined) => (weight === undefined ? {} : { weight: String(weight) });
const pathOf = (write: Write) => {
  const spec = specByName(write.api)!;
  const vars = { serverGroupUuid: write.groupUuid, groupUuid: write.groupUuid };
  return fillTemplate(spec.template, vars);
};

function lists(write: Extract<BackendWrite, { vmNics: unknown }>) {
  const vmNics = write.vmNics.map((n: NicWeight) => ({ uuid: n.uuid, ...weightText(n.weight) }));
  const servers = write.servers.map((s: IpWeight) => ({ ipAddress: s.ipAddress, ...weightText(s.weight) }));
  return { ...(vmNics.length ? { vmNics } : {}), ...(servers.length ? { servers } : {}) };
}

/**
 * A write as ZStack's REST API takes it (the body keys the server reads, weights as strings of integers),
 * as one request, or several for a DELETE whose uuids would not fit one request line.
 */
export function toRequests(write: Write): AsyncRequest[] {
  const path = pathOf(write);
  switch (write.api) {
    case 'AddBackendServerToServerGroup':
      return [{ method: 'POST', path, body: { params: lists(write) } }];
    case 'ChangeLoadBalancerBackendServer':
      return [{ method: 'PUT', path, body: { changeLoadBalancerBackendServer: lists(write) } }];
    case 'RemoveBackendServerFromServerGroup':
      return [
        {
          method: 'PUT',
          path,
          body: {
            removeBackendServerFromServerGroup: {
              ...(write.vmNicUuids.length ? { vmNicUuids: write.vmNicUuids } : {}),
              ...(write.serverIps.length ? { serverIps: write.serverIps } : {}),
            },
          },
        },
      ];
    case 'AddIAM2VirtualIDsToGroup':
      return [{ method: 'POST', path, body: { params: { virtualIDUuids: write.virtualIDUuids } } }];
    case 'RemoveIAM2VirtualIDsFromGroup': {
      const key = 'virtualIDUuids';
      const room = maxRequestLine - requestLineLength('DELETE', `${apiBasePath}${path}`);
      // `?` or `&`, the key and `=` before each value
      const chunks = chunkByLength(write.virtualIDUuids, encodedLength, room, key.length + 2);
      return chunks.map((virtualIDUuids) => ({ method: 'DELETE', path, query: { virtualIDUuids } }));
    }
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function weightOf(v: unknown): number | undefined {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function entries<K extends string>(v: unknown, key: K): ({ [P in K]: string } & { weight?: number })[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e: unknown) => {
    const m = (e ?? {}) as Record<string, unknown>;
    const id = m[key];
    if (typeof id !== 'string') return [];
    const weight = weightOf(m.weight);
    return [
      { [key]: id, ...(weight === undefined ? {} : { weight }) } as { [P in K]: string } & {
        weight?: number;
      },
    ];
  });
}

/**
 * The write a logged call was (method, path, body, query string as sent), or undefined for anything else:
 * what lets the API log offer Undo for the session's writes.
 */
export function writeOf(method: string, path: string, body: unknown, query: string): Write | undefined {
  const match = matchApi(method, path);
  if (!match?.spec.write) return undefined;
  const { spec, vars } = match;
  const groupUuid = vars.serverGroupUuid ?? vars.groupUuid ?? '';
  const inner = ((body ?? {}) as Record<string, unknown>)[spec.parameterName] as
    Record<string, unknown> | undefined;
  const p = inner ?? {};
  switch (spec.name) {
    case 'AddBackendServerToServerGroup':
      return {
        api: spec.name,
        groupUuid,
        vmNics: entries(p.vmNics, 'uuid'),
        servers: entries(p.servers, 'ipAddress'),
      };
    case 'ChangeLoadBalancerBackendServer': {
      const weighed = <T extends { weight?: number }>(list: T[]) =>
        list.filter((e): e is T & { weight: number } => e.weight !== undefined);
      return {
        api: spec.name,
        groupUuid,
        vmNics: weighed(entries(p.vmNics, 'uuid')),
        servers: weighed(entries(p.servers, 'ipAddress')),
      };
    }
    case 'RemoveBackendServerFromServerGroup':
      return {
        api: spec.name,
        groupUuid,
        vmNicUuids: strings(p.vmNicUuids),
        serverIps: strings(p.serverIps),
      };
    case 'AddIAM2VirtualIDsToGroup':
      return { api: spec.name, groupUuid, virtualIDUuids: strings(p.virtualIDUuids) };
    case 'RemoveIAM2VirtualIDsFromGroup':
      return {
        api: spec.name,
        groupUuid,
        virtualIDUuids: new URLSearchParams(query).getAll('virtualIDUuids'),
      };
  }
  return undefined;
}

/** The write an API log entry is, when the log kept its body whole (Undo from the log). */
export function writeOfEntry(entry: ApiLogEntry): Write | undefined {
  if (entry.outcome !== 'ok' || entry.request?.truncated) return undefined;
  let body: unknown;
  try {
    body = entry.request ? JSON.parse(entry.request.text) : undefined;
  } catch {
    return undefined;
  }
  return writeOf(entry.method, entry.path, body, entry.query);
}
