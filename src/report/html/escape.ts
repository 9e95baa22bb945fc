// HTML escaping by construction: the `html` tag escapes every interpolated value unless it is already markup (Html).

/** A piece of markup that is safe to insert as is: only `html`, `raw` and `join` make one. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}

/** What may be interpolated: text (escaped), numbers, markup, lists of these, or nothing. */
export type Part = string | number | boolean | Html | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for element content and quoted attribute values alike (& < > " '). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** The markup of one interpolated value. */
function partText(p: Part): string {
  if (p === null || p === undefined || p === false) return '';
  if (p instanceof Html) return p.text;
  if (Array.isArray(p)) return (p as readonly Part[]).map(partText).join('');
  return esc(String(p));
}

/** Tagged template: literal markup stays, every `${value}` is escaped unless it is Html (null, undefined, false vanish). */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => { out += partText(v) + strings[i + 1]!; });
  return new Html(out);
}

/** Markup the caller vouches for (the page's own CSS, script and fixed SVG fragments; never record data). */
export function raw(s: string): Html {
  return new Html(s);
}

/** Join parts with a separator (text separators are escaped too). */
export function join(parts: readonly Part[], sep: Part = ''): Html {
  return new Html(parts.map(partText).join(partText(sep)));
}
