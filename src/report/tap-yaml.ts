// A small YAML writer for TAP diagnostic blocks: maps, lists and scalars, strings quoted unless plainly safe.

/** What a diagnostic block can hold. */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** Characters a double-quoted YAML scalar must not carry raw: C0/C1 controls, DEL, line/paragraph separators, BOM. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One scalar: a plain word-like string as is, anything else double-quoted with YAML escapes. */
export function yamlScalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : JSON.stringify(String(v));
  if (/^[A-Za-z][A-Za-z0-9_.\/-]*(?: [A-Za-z0-9_.\/()→≥-]+)*$/.test(v) && !RESERVED.test(v)) return v;
  const body = v.replace(LONE_SURROGATE, '\ufffd').replace(/\\/g, '\\\\').replace(/"/g, '\\"')
    .replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${body}"`;
}

/** The lines of a YAML mapping, each indented by `indent` spaces. */
export function yamlLines(map: { [key: string]: YamlValue }, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return Object.entries(map).flatMap(([k, v]) => {
    if (v === null || typeof v !== 'object') return [`${pad}${k}: ${yamlScalar(v)}`];
    if (Array.isArray(v)) return v.length ? [`${pad}${k}:`, ...v.flatMap((item) => listItem(item, indent + 2))] : [`${pad}${k}: []`];
    return [`${pad}${k}:`, ...yamlLines(v, indent + 2)];
  });
}

/** One "- item" of a list: a scalar on the dash line, or a mapping whose first key sits on it. */
function listItem(item: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (item === null || typeof item !== 'object') return [`${pad}- ${yamlScalar(item)}`];
  if (Array.isArray(item)) return item.length ? [`${pad}-`, ...item.flatMap((x) => listItem(x, indent + 2))] : [`${pad}- []`];
  const lines = yamlLines(item, indent + 2);
  return lines.length ? [`${pad}- ${lines[0]!.slice(indent + 2)}`, ...lines.slice(1)] : [`${pad}- {}`];
}
