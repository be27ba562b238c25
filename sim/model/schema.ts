/**
 * The `schema` of a reply, as ZStack's JsonSchemaBuilder (header/.../message/JsonSchemaBuilder.java) builds it
 * from the reply map: for every org.zstack object in it, its JSON path ("inventories[0].vmNics[0].usedIps[0]")
 * and Java class name; enums are such objects, JRE values (strings, numbers, dates, maps) are not. Paths are
 * recorded children first and then listed in reverse, as the builder does.
 */
import { kindOf, type Inventory, type KindDef } from './describe.ts';

type Entries = [string, string][];

function build(o: unknown, kind: KindDef<never> | undefined, paths: string[], out: Entries): void {
  const k = kindOf(o) ?? kind;
  if (!k || typeof o !== 'object' || o === null) return;
  const inv = o as Inventory;
  for (const [name, m] of Object.entries(k.members)) {
    const v = inv[name];
    if (v === undefined || v === null) continue;
    if (m.kind === 'value' && m.enumClass) out.push([[...paths, name].join('.'), m.enumClass]);
    else if (m.kind === 'nested' && Array.isArray(v))
      v.forEach((x, i) => build(x, undefined, [...paths, `${name}[${i}]`], out));
    else if (m.kind === 'nested') build(v, undefined, [...paths, name], out);
  }
  out.push([paths.join('.'), k.inventoryClass]);
}

/**
 * The schema of a reply body. `listKind` names the class of untagged list items (a query's inventories cut
 * down by `fields=` are still objects of the queried class).
 */
export function schemaOf(body: Record<string, unknown>, listKind?: KindDef<never>): Record<string, string> {
  const out: Entries = [];
  for (const [key, value] of Object.entries(body)) {
    if (Array.isArray(value)) value.forEach((x, i) => build(x, listKind, [`${key}[${i}]`], out));
    else if (kindOf(value)) build(value, undefined, [key], out);
  }
  return Object.fromEntries(out.reverse());
}
