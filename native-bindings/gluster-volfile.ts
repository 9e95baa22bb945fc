// Reading a GlusterFS client volfile (the graph glfs_get_volfile returns): which caching translators this client loads and
// the options that decide coherence, as written. Credentials in the volfile (protocol/client username/password) are
// never copied out.

/** One `volume NAME ... end-volume` section. */
export interface VolfileSection { name: string; type: string; options: Record<string, string>; subvolumes: string[] }

/** Split a volfile into its sections; lines it does not understand are skipped (comments, blank lines). */
export function parseVolfile(text: string): VolfileSection[] {
  const out: VolfileSection[] = [];
  let cur: VolfileSection | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [word, ...rest] = line.split(/\s+/);
    if (word === 'volume' && rest[0]) cur = { name: rest[0], type: '', options: {}, subvolumes: [] };
    else if (word === 'end-volume') { if (cur) out.push(cur); cur = undefined; }
    else if (cur && word === 'type' && rest[0]) cur.type = rest[0];
    else if (cur && word === 'option' && rest[0]) cur.options[rest[0]] = rest.slice(1).join(' ');
    else if (cur && word === 'subvolumes') cur.subvolumes.push(...rest);
  }
  return out;
}

/**
 * The client-side translators that cache data or metadata, or change what O_DIRECT means (glusterfs 10's performance
 * translators): loaded or not is itself the setting (`gluster volume set VOL performance.quick-read off` removes it from
 * the client graph).
 */
export const CACHING_TRANSLATORS = [
  'performance/write-behind', 'performance/open-behind', 'performance/quick-read', 'performance/read-ahead',
  'performance/io-cache', 'performance/md-cache', 'performance/readdir-ahead', 'performance/nl-cache',
] as const;

/**
 * Options reported even when the volfile does not write them ("default": the translator's compiled-in value): the ones
 * that decide whether O_DIRECT bypasses a client cache and whether caches are invalidated by the server.
 * write-behind strict-O_DIRECT is `performance.strict-o-direct`; protocol/client filter-O_DIRECT is `network.remote-dio`.
 */
const ALWAYS: Record<string, readonly string[]> = {
  'performance/write-behind': ['strict-O_DIRECT'],
  'performance/quick-read': ['cache-timeout', 'cache-invalidation'],
  'performance/md-cache': ['md-cache-timeout', 'cache-invalidation'],
  'performance/io-cache': ['cache-timeout'],
  'protocol/client': ['filter-O_DIRECT'],
};

/** The protocol/client options copied out (everything else there is addressing or credentials). */
const CLIENT_OPTIONS = new Set(['filter-O_DIRECT']);

/**
 * The coherence-deciding settings of a client graph, keyed "TYPE" (value "loaded" / "not loaded") and "TYPE.OPTION"
 * (value as written, or "default"); `extra` adds options the client set itself (glfs_set_xlator_option) on loaded translators.
 */
export function coherenceOptions(sections: readonly VolfileSection[], extra: Record<string, Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  const byType = new Map<string, VolfileSection[]>();
  for (const s of sections) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
  for (const type of [...CACHING_TRANSLATORS, 'protocol/client']) {
    const found = byType.get(type) ?? [];
    if (type !== 'protocol/client') out[type] = found.length ? 'loaded' : 'not loaded';
    if (!found.length) continue;
    const options: Record<string, string> = {};
    for (const name of ALWAYS[type] ?? []) options[name] = 'default';
    for (const s of found) {
      for (const [k, v] of Object.entries(s.options)) {
        if (type === 'protocol/client' && !CLIENT_OPTIONS.has(k)) continue;
        // Several bricks (one protocol/client each) may disagree: keep every distinct value.
        const prev = options[k];
        options[k] = prev === undefined || prev === 'default' || prev === v ? v : `${prev}, ${v}`;
      }
    }
    Object.assign(options, extra[type] ?? {});
    for (const k of Object.keys(options).sort()) out[`${type}.${k}`] = options[k]!;
  }
  return out;
}

/** Whether a translator type is in the graph (features/shard, ...). */
export function hasTranslator(sections: readonly VolfileSection[], type: string): boolean {
  return sections.some((s) => s.type === type);
}
