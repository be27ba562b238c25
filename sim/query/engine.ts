/**
 * Runs a parsed query against the in-memory tables. String comparisons are case-insensitive like MySQL's
 * default collation; a null field matches only "is null"; a condition through a relation holds when some
 * related row satisfies it, whatever the operator, as ZQL writes it ("uuid IN (SELECT ... WHERE field NOT IN
 * (...))", search/.../zql/sql/SQLConditionBuilder.java): a row with no related row never matches.
 * Scans stop as soon as the page is full unless a total or a sort needs every match.
 */
import { argerr, inerr } from '../core/errors.ts';
import { i18n } from '../i18n/index.ts';
import { parseTimestamp } from '../util/dates.ts';
import type { World } from '../model/world.ts';
import type { Inventory } from '../model/inventory.ts';
import { kindByName, type FieldDef, type FieldValue, type KindDef, type RootKindDef } from './kinds.ts';
import { likeMatcher } from './like.ts';
import type { Condition, QuerySpec } from './parse.ts';
import type { Viewer } from './viewer.ts';

type Pred = (row: never) => boolean;

export interface QueryResult {
  inventories?: Inventory[];
  total?: number;
}

function typed(def: FieldDef<never>, raw: string): string | number | boolean | undefined {
  switch (def.type) {
    case 'string':
      return raw.toLowerCase();
    case 'number': {
      const n = Number(raw.trim());
      return raw.trim() === '' || Number.isNaN(n) ? undefined : n;
    }
    case 'boolean':
      return raw.trim().toLowerCase() === 'true';
    case 'date':
      return parseTimestamp(raw);
  }
}

function normalize(def: FieldDef<never>, v: FieldValue): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  return def.type === 'string' && typeof v === 'string' ? v.toLowerCase() : v;
}

function fieldPredicate(kind: KindDef<never>, def: FieldDef<never>, cond: Condition, w: World): Pred {
  const get = (row: never) => normalize(def, def.get(row, w));
  const value = cond.value ?? '';
  switch (cond.op) {
    case 'is null':
      return (row) => get(row) === undefined;
    case 'is not null':
      return (row) => get(row) !== undefined;
    case 'like':
    case 'not like': {
      const matches = likeMatcher(value);
      const want = cond.op === 'like';
      return (row) => {
        const v = def.get(row, w);
        return v !== null && v !== undefined && matches(String(v)) === want;
      };
    }
    case 'in':
    case 'not in': {
      const set = new Set(value.split(',').map((s) => typed(def, s.trim())));
      const want = cond.op === 'in';
      return (row) => {
        const v = get(row);
        return v !== undefined && set.has(v) === want;
      };
    }
    default: {
      const target = typed(def, value);
      if (target === undefined) return () => false;
      const cmp = (a: string | number | boolean): number => (a < target ? -1 : a > target ? 1 : 0);
      const test: Record<string, (c: number) => boolean> = {
        '=': (c) => c === 0,
        '!=': (c) => c !== 0,
        '>': (c) => c > 0,
        '>=': (c) => c >= 0,
        '<': (c) => c < 0,
        '<=': (c) => c <= 0,
      };
      const t = test[cond.op];
      if (!t) throw inerr(`unsupported query operator ${cond.op} on ${kind.inventoryClass}`);
      return (row) => {
        const v = get(row);
        return v !== undefined && t(cmp(v));
      };
    }
  }
}

/**
 * Within one query the tables do not change, so a condition on a related row that many rows share (the
 * L3 network of 100000 NICs, say) is decided once and remembered, as a database would with a join. The
 * memory is a handful of recent rows, not a map of them all: for a one-to-one relation (a NIC's VM) a
 * miss then costs a few comparisons, not a hash insert per row.
 */
function memoized(pred: Pred): Pred {
  const size = 4;
  const rows: unknown[] = [];
  const results: boolean[] = [];
  let next = 0;
  return (row) => {
    for (let i = 0; i < rows.length; i++) if (rows[i] === row) return results[i] as boolean;
    const result = pred(row);
    rows[next] = row;
    results[next] = result;
    next = (next + 1) % size;
    return result;
  };
}

/**
 * Which conditions to test first, as a query planner would: those on the row's own fields before those
 * through relations, and at equal depth the ones likely to reject most rows (equality, then LIKE) before
 * lists and negations, which most rows pass.
 */
const selectivity: Record<string, number> = { '=': 0, like: 1, in: 2, '>': 2, '<': 2, '>=': 2, '<=': 2 };
const cost = (cond: Condition) => (cond.name.split('.').length - 1) * 10 + (selectivity[cond.op] ?? 3);

function compile(root: KindDef<never>, cond: Condition, w: World): Pred {
  const segments = cond.name.split('.');
  const chain: {
    rows: (row: never, w: World) => Iterable<unknown>;
    single?: (row: never, w: World) => unknown;
  }[] = [];
  let kind = root;
  const path = segments.slice(0, -1);
  for (const [i, seg] of path.entries()) {
    const r = kind.relations[seg];
    if (!r) {
      const cls = `class ${kind.inventoryClass}`;
      throw inerr(
        `invalid nested query condition[${path.slice(i + 1).join('.')}] on ${cls},the expanded target[${cls}] have no expanded query[${seg}]`,
      );
    }
    chain.push({
      rows: (row, ww) => r.rows(row, ww),
      single: r.single ? (row, ww) => r.single?.(row, ww) : undefined,
    });
    kind = kindByName(r.target);
  }
  const fieldName = segments[segments.length - 1] ?? '';
  const def = kind.fields[fieldName];
  if (!def) throw inerr(`inventory class[class ${kind.inventoryClass}] not having field[${fieldName}]`);
  if (chain.length === 0) return fieldPredicate(kind, def, cond, w);

  // Through relations: some related row satisfies the condition (negative operators included).
  let pred = fieldPredicate(kind, def, cond, w);
  for (let i = chain.length - 1; i >= 0; i--) {
    const step = chain[i];
    if (!step) continue;
    const inner = memoized(pred);
    const single = step.single;
    pred = single
      ? (row) => {
          const related = single(row, w);
          return related !== undefined && inner(related as never);
        }
      : (row) => {
          for (const related of step.rows(row, w)) if (inner(related as never)) return true;
          return false;
        };
  }
  return pred;
}

function compareValues(a: FieldValue, b: FieldValue): number {
  // MySQL orders NULL first in ascending order.
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function runQuery<T extends { uuid: string }>(
  w: World,
  kind: RootKindDef<T>,
  viewer: Viewer,
  spec: QuerySpec,
): QueryResult {
  const k = kind as unknown as KindDef<never>;
  // Compiled in the order given (so that the first bad condition is the one reported), evaluated
  // cheapest first, as a query planner would: the answer does not depend on the order.
  const preds = spec.conditions
    .map((c, i) => ({ pred: compile(k, c, w), cost: cost(c), i }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i)
    .map((c) => c.pred);

  if (spec.fields) {
    const primitives = Object.keys(kind.fields);
    for (const f of spec.fields) {
      if (!primitives.includes(f)) {
        throw argerr(
          "field[%s] is not a primitive of the inventory %s; you cannot specify it in the parameter 'fields';valid fields are %s",
          f,
          kind.inventoryClass.split('.').pop() ?? '',
          primitives,
        );
      }
    }
  }
  let sortDef: FieldDef<T> | undefined;
  if (spec.sortBy !== undefined) {
    sortDef = kind.fields[spec.sortBy];
    if (!sortDef)
      throw inerr(
        '%s',
        i18n(
          "invalid order by clause, inventory[%s] doesn't have field[%s]",
          kind.inventoryClass,
          spec.sortBy,
        ),
      );
  }

  const start = Math.max(0, spec.start);
  const limit = Math.max(0, spec.limit);
  const needAll = spec.count || spec.replyWithCount || sortDef !== undefined;
  const pageEnd = start + limit;
  const rows = kind.rows(w);
  const matches: T[] = [];
  let total = 0;
  const visible = viewer.all ? undefined : kind.visible;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as T;
    if (visible && !visible(viewer, row, w)) continue;
    let ok = true;
    for (const p of preds) {
      if (!p(row as never)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    total++;
    if (spec.count) continue;
    if (sortDef || matches.length < pageEnd) matches.push(row);
    if (!needAll && matches.length >= pageEnd) break;
  }

  if (spec.count) return { total };
  let page: T[];
  if (sortDef) {
    const def = sortDef;
    const keyed = matches.map((row) => ({ row, key: def.get(row, w) }));
    const dir = spec.sortDirection === 'desc' ? -1 : 1;
    keyed.sort((a, b) => dir * compareValues(a.key, b.key));
    page = keyed.slice(start, pageEnd).map((x) => x.row);
  } else {
    page = matches.slice(start, pageEnd);
  }
  let inventories = page.map((row) => kind.inventory(row, w));
  if (spec.fields) {
    const fields = spec.fields;
    inventories = inventories.map((full) => Object.fromEntries(fields.map((f) => [f, full[f]])));
  }
  return spec.replyWithCount ? { inventories, total } : { inventories };
}
