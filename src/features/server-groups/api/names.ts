import type { QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { q, runQuery } from '../../../api/query';
import { splitBySize } from '../../../api/batch';

/** An inventory read for its name only (`fields=uuid,name`). */
export const named = z.looseObject({ uuid: z.string(), name: z.optional(z.nullable(z.string())) });

const nameKey = (path: string, uuid: string) => ['names', path, uuid] as const;

/**
 * Names of VMs, L3 networks and load balancers by uuid, asked for in one query per resource
 * (`uuid?=a,b,c`, `fields=uuid,name`; several at once past 200 uuids) and remembered in the query cache, so that the next search or page
 * asks only for the names it has not seen yet.
 */
export async function lookupNames(
  client: QueryClient,
  path: string,
  uuids: readonly (string | null | undefined)[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const wanted = [...new Set(uuids.filter((u): u is string => !!u))];
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const uuid of wanted) {
    const known = client.getQueryData<string>(nameKey(path, uuid));
    if (known !== undefined) names.set(uuid, known);
    else missing.push(uuid);
  }
  if (missing.length) {
    // 200 uuids make a request line of about 7 KB: more are asked for in several requests at once
    const pages = await Promise.all(
      splitBySize(missing, 200).map((chunk) =>
        runQuery(
          path,
          named,
          { q: [q.in('uuid', chunk)], limit: chunk.length, fields: ['uuid', 'name'] },
          { signal },
        ),
      ),
    );
    for (const item of pages.flatMap((p) => p.inventories)) {
      const name = item.name ?? '';
      names.set(item.uuid, name);
      client.setQueryData(nameKey(path, item.uuid), name);
    }
  }
  return names;
}

/** Remembers names that came with another answer (a load balancer search), sparing a lookup later. */
export function rememberNames(
  client: QueryClient,
  path: string,
  items: readonly { uuid: string; name?: string | null }[],
): void {
  for (const item of items) if (item.name != null) client.setQueryData(nameKey(path, item.uuid), item.name);
}
