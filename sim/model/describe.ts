/**
 * One description per ZStack inventory: its members in the order of the Java class (what the wire carries,
 * what the query engine may test, which Java class each nested object and enum has, for `schema`) and its
 * relations (ZStack's @ExpandedQueries, @ExpandedQueryAliases and @Queryable lists). The query engine reads
 * `fields` and `relations`; the APIs and the query answer use `wire` / `inventory`.
 */
import type { Viewer } from '../query/viewer.ts';
import { zstackDate } from '../util/dates.ts';
import type { World } from './world.ts';

export type FieldType = 'string' | 'number' | 'boolean' | 'date';
export type FieldValue = string | number | boolean | null | undefined;
export type Inventory = Record<string, unknown>;

/** A primitive the query engine can test, sort on and select with `fields=`. */
export interface FieldDef<T> {
  readonly type: FieldType;
  get(row: T, w: World): FieldValue;
}

export interface RelationDef<T> {
  readonly target: string;
  rows(row: T, w: World): Iterable<unknown>;
  /** For to-one relations: the related row without allocating a list (hot path of relation conditions). */
  single?(row: T, w: World): unknown;
}

interface ValueMember<T> extends FieldDef<T> {
  readonly kind: 'value';
  /** Testable in a query (a column of the inventory's VO). */
  readonly query: boolean;
  /** Sent on the wire (set by the inventory's valueOf). */
  readonly wire: boolean;
  /** @APINoSee: dropped from the inventories a query answers (not from nested ones or other replies). */
  readonly noSee: boolean;
  /** A Java enum: `schema` names its class. */
  readonly enumClass?: string;
}

interface NestedMember<T> {
  readonly kind: 'nested';
  readonly target: string;
  readonly many: boolean;
  /** @Queryable: the list is also a relation of the same name. */
  readonly queryable: boolean;
  rows(row: T, w: World): Iterable<unknown>;
}

/** Plain JSON on the wire (lists of strings, JRE maps): no `schema` entry, not queryable. */
interface JsonMember<T> {
  readonly kind: 'json';
  get(row: T, w: World): unknown;
}

export type Member<T> = ValueMember<T> | NestedMember<T> | JsonMember<T>;

interface ValueOptions {
  query?: boolean;
  wire?: boolean;
  noSee?: boolean;
  enumClass?: string;
}

function value<T>(
  type: FieldType,
  get: (r: T, w: World) => FieldValue,
  o: ValueOptions = {},
): ValueMember<T> {
  return {
    kind: 'value',
    type,
    get,
    query: o.query ?? true,
    wire: o.wire ?? true,
    noSee: o.noSee ?? false,
    enumClass: o.enumClass,
  };
}

export const str = <T>(get: (r: T, w: World) => FieldValue, o?: ValueOptions) => value<T>('string', get, o);
export const num = <T>(get: (r: T, w: World) => FieldValue, o?: ValueOptions) => value<T>('number', get, o);
export const bool = <T>(get: (r: T, w: World) => FieldValue, o?: ValueOptions) => value<T>('boolean', get, o);
/** A java.sql.Timestamp: milliseconds in queries, "Jan 6, 2017 3:51:16 AM" on the wire. */
export const date = <T>(get: (r: T, w: World) => number | undefined, o?: ValueOptions) =>
  value<T>('date', get, o);
/** A Java enum, a string on the wire. */
export const enumOf = <T>(enumClass: string, get: (r: T, w: World) => FieldValue, o?: ValueOptions) =>
  value<T>('string', get, { ...o, enumClass });

export const list = <T>(
  target: string,
  rows: (r: T, w: World) => Iterable<unknown>,
  o: { queryable?: boolean } = {},
): NestedMember<T> => ({ kind: 'nested', target, many: true, queryable: o.queryable ?? false, rows });

export const one = <T>(target: string, get: (r: T, w: World) => unknown): NestedMember<T> => ({
  kind: 'nested',
  target,
  many: false,
  queryable: false,
  rows: (r, w) => {
    const x = get(r, w);
    return x === undefined || x === null ? [] : [x];
  },
});

export const json = <T>(get: (r: T, w: World) => unknown): JsonMember<T> => ({ kind: 'json', get });

export const rel = <T>(target: string, rows: (r: T, w: World) => Iterable<unknown>): RelationDef<T> => ({
  target,
  rows,
});

export const rel1 = <T>(target: string, single: (r: T, w: World) => unknown): RelationDef<T> => ({
  target,
  single,
  rows: (r, w) => {
    const x = single(r, w);
    return x === undefined ? [] : [x];
  },
});

/** Maps uuids to rows lazily (no intermediate arrays per scanned row). */
export function* lookup<X>(uuids: Iterable<string>, get: (u: string) => X | undefined): Iterable<X> {
  for (const u of uuids) {
    const x = get(u);
    if (x !== undefined) yield x;
  }
}

export const dated = <T extends { createDate: number; lastOpDate: number }>() => ({
  createDate: date<T>((r) => r.createDate),
  lastOpDate: date<T>((r) => r.lastOpDate),
});

export interface KindDef<T> {
  readonly name: string;
  /** The ZStack inventory class, as its errors and `schema` name it. */
  readonly inventoryClass: string;
  readonly fields: Readonly<Record<string, FieldDef<T>>>;
  readonly relations: Readonly<Record<string, RelationDef<T>>>;
  readonly members: Readonly<Record<string, Member<T>>>;
  /** The inventory as ZStack's valueOf builds it (every member), tagged with this kind for `schema`. */
  wire(row: T, w: World): Inventory;
}

/** A kind that has its own query API. */
export interface RootKindDef<T extends { uuid: string }> extends KindDef<T> {
  rows(w: World): readonly T[];
  get(w: World, uuid: string): T | undefined;
  visible(v: Viewer, row: T, w: World): boolean;
  /** The inventory as a query answers it: @APINoSee members are left out. */
  inventory(row: T, w: World): Inventory;
}

/** Resources of an account: the admin sees all, others what their accounts own. */
export const owned = (v: Viewer, owner: string): boolean => v.all || v.accounts.has(owner);

interface KindSpec<T> {
  name: string;
  inventoryClass: string;
  members: Record<string, Member<T>>;
  relations?: Record<string, RelationDef<T>>;
}

interface RootSpec<T extends { uuid: string }> extends KindSpec<T> {
  rows(w: World): readonly T[];
  get(w: World, uuid: string): T | undefined;
  visible(v: Viewer, row: T, w: World): boolean;
}

/** The kind an inventory object was built by (symbol keys never reach the JSON). */
const KIND = Symbol('zstack.inventoryKind');

export function kindOf(o: unknown): KindDef<never> | undefined {
  return typeof o === 'object' && o !== null
    ? ((o as { [KIND]?: KindDef<never> })[KIND] ?? undefined)
    : undefined;
}

const REGISTRY = new Map<string, KindDef<never>>();

export function kindByName(name: string): KindDef<never> {
  const k = REGISTRY.get(name);
  if (!k) throw new Error(`unknown kind ${name}`);
  return k;
}

type Getter<T> = (row: T, w: World) => unknown;

/** zstackDate, remembering the last answer (createDate and lastOpDate are mostly the same instant). */
let lastMs = Number.NaN;
let lastText = '';
function wireDate(v: unknown): string | undefined {
  if (typeof v !== 'number') return undefined;
  if (v !== lastMs) {
    lastMs = v;
    lastText = zstackDate(v);
  }
  return lastText;
}

/** How one member reaches the wire: its value, a formatted date, or nested inventories. */
function wireGetter<T>(m: Member<T>): Getter<T> {
  if (m.kind === 'json') return m.get;
  if (m.kind === 'value') {
    const get = m.get;
    return m.type === 'date' ? (row, w) => wireDate(get(row, w)) : get;
  }
  let target: KindDef<never> | undefined;
  const rows = m.rows;
  return (row, w) => {
    target ??= kindByName(m.target);
    const t = target;
    const found = rows(row, w);
    if (!m.many) {
      for (const x of found) return t.wire(x as never, w);
      return undefined;
    }
    const items: Inventory[] = [];
    if (Array.isArray(found)) for (let i = 0; i < found.length; i++) items.push(t.wire(found[i] as never, w));
    else for (const x of found) items.push(t.wire(x as never, w));
    return items;
  };
}

/**
 * The writer of an inventory: one object literal with the members in order (null and undefined members are
 * left out by the JSON writer, http/json.ts). Generated once per kind so that every inventory of a kind has
 * the same shape and named stores: a generic loop with `out[name] = v` is several times slower at 1000 rows.
 */
function writerOf<T>(members: [string, Member<T>][], kind: KindDef<never>): (row: T, w: World) => Inventory {
  const getters = members.map(([, m]) => wireGetter(m));
  const props = members.map(([name], i) => `${JSON.stringify(name)}: g[${i}](row, w)`);
  const make = new Function(
    'g',
    'tag',
    'kind',
    `return (row, w) => ({ ${props.join(', ')}, [tag]: kind });`,
  ) as (g: Getter<T>[], tag: symbol, kind: KindDef<never>) => (row: T, w: World) => Inventory;
  return make(getters, KIND, kind);
}

function build<T>(spec: KindSpec<T>): KindDef<T> & { query(row: T, w: World): Inventory } {
  const fields: Record<string, FieldDef<T>> = {};
  const relations: Record<string, RelationDef<T>> = { ...spec.relations };
  for (const [name, m] of Object.entries(spec.members)) {
    if (m.kind === 'value' && m.query) fields[name] = m;
    if (m.kind === 'nested' && m.queryable) relations[name] = { target: m.target, rows: m.rows };
  }
  const onWire = (leaveOutNoSee: boolean) =>
    Object.entries(spec.members).filter(
      ([, m]) => m.kind !== 'value' || (m.wire && !(leaveOutNoSee && m.noSee)),
    );
  const kind = {
    name: spec.name,
    inventoryClass: spec.inventoryClass,
    fields,
    relations,
    members: spec.members,
    wire: (_row: T, _w: World): Inventory => ({}),
    query: (_row: T, _w: World): Inventory => ({}),
  };
  const self = kind as unknown as KindDef<never>;
  kind.wire = writerOf(onWire(false), self);
  kind.query = writerOf(onWire(true), self);
  REGISTRY.set(spec.name, self);
  return kind;
}

/** A kind reachable only inside other inventories and through relations. */
export function defineKind<T>(spec: KindSpec<T>): KindDef<T> {
  return build(spec);
}

/** A kind with its own query API. */
export function defineRoot<T extends { uuid: string }>(spec: RootSpec<T>): RootKindDef<T> {
  const kind = build(spec);
  return Object.assign(kind, {
    rows: spec.rows,
    get: spec.get,
    visible: spec.visible,
    inventory: kind.query,
  });
}
