// XML 1.0 escaping for the XML reports: text and attribute values, with the characters XML 1.0 forbids removed.

/** Everything outside XML 1.0's Char production (C0 controls but tab/LF/CR, lone surrogates, U+FFFE, U+FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Remove the characters XML 1.0 cannot carry at all, not even as character references. */
export function xmlStrip(s: string): string {
  return s.replace(FORBIDDEN, '');
}

/** Escape character data: markup characters as entities (`>` too, so `]]>` never appears) and CR as a reference (parsers turn a bare CR into LF). */
export function xmlText(s: string): string {
  return xmlStrip(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escape an attribute value for double quotes; tab, LF and CR as references, since attribute normalisation turns them into spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** ` name="value"` pairs in the order given; undefined values are left out. */
export function xmlAttrs(attrs: Record<string, string | number | undefined>): string {
  return Object.entries(attrs).filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}
