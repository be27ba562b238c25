import type { QueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { q, runQuery, type Condition, type QueryResult } from '../../../api/query';
import type { PickerPage } from '../../../components/workbench/pickerSearch';
import { paths, pickerPageSize } from './keys';
import { complete, mergePages } from './merge';
import { lookupNames, named, rememberNames } from './names';

export interface GroupOption {
  uuid: string;
  name: string;
  loadBalancerUuid?: string;
  loadBalancerName?: string;
}

const groupSummary = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  loadBalancerUuid: z.optional(z.nullable(z.string())),
});
type Summary = z.output<typeof groupSummary>;
const byName = { field: 'name', direction: 'asc' } as const;
const none: QueryResult<never> = { inventories: [], total: 0 };

/**
 * The "Server group" search: groups whose own name matches, or whose load balancer's name does. ZStack
 * AND-s conditions and a server group has no `loadBalancer` relation to query through, so: groups by name
 * and load balancers by name at once, then the groups of those load balancers and the load balancer
 * names still unknown at once. Four requests at most, in two round trips; an empty search is two.
 */
export async function searchServerGroups(
  client: QueryClient,
  text: string,
  signal: AbortSignal,
): Promise<PickerPage<GroupOption>> {
  const groupQuery = (conditions: Condition[]) =>
    runQuery(
      paths.groups,
      groupSummary,
      {
        q: conditions,
        limit: pickerPageSize,
        replyWithCount: true,
        sort: byName,
        fields: ['uuid', 'name', 'loadBalancerUuid'],
      },
      { signal },
    );

  let pages: QueryResult<Summary>[];
  let truncated = false;
  if (!text) {
    pages = [await groupQuery([])];
  } else {
    const [byGroupName, lbs] = await Promise.all([
      groupQuery([q.contains('name', text)]),
      runQuery(
        paths.loadBalancers,
        named,
        {
          q: [q.contains('name', text)],
          limit: pickerPageSize,
          replyWithCount: true,
          fields: ['uuid', 'name'],
        },
        { signal },
      ),
    ]);
    rememberNames(client, paths.loadBalancers, lbs.inventories);
    const ofLbs = lbs.inventories.length
      ? await groupQuery([
          q.in(
            'loadBalancerUuid',
            lbs.inventories.map((lb) => lb.uuid),
          ),
        ])
      : none;
    pages = [byGroupName, ofLbs];
    truncated = !complete(lbs);
  }
  const page = mergePages(pages, (g) => g.name, truncated);
  const lbNames = await lookupNames(
    client,
    paths.loadBalancers,
    page.items.map((g) => g.loadBalancerUuid),
    signal,
  );
  return {
    ...page,
    items: page.items.map((g) => ({
      uuid: g.uuid,
      name: g.name,
      loadBalancerUuid: g.loadBalancerUuid ?? undefined,
      loadBalancerName: g.loadBalancerUuid ? lbNames.get(g.loadBalancerUuid) : undefined,
    })),
  };
}
