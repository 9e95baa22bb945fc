// The script `--deploy` runs on the remote host with its own node (node -e): probe the host, unpack and verify a copy.
//
// Plain CommonJS in the syntax of old Node versions (no ?., no ??), so that even a Node too old for coprobe can answer the
// probe and be named in the refusal. Modes (argv after `--`):
//   probe VERSION            one JSON line: node version and path, platform, the native triplet, the cache directory,
//                            and each agent-VERSION-* directory there with its state (intact, or why not); the
//                            temporary directories of unpackings killed an hour or more ago are removed (and named)
//   unpack DIRNAME HASH      read a gzipped tar on stdin whose first member is the manifest (sha256 prefix HASH), write it
//                            to a temporary directory beside DIRNAME, verify every file against the manifest from disk,
//                            write the manifest, rename into place; never replaces an existing directory.
//                            One JSON line: {result: "copied" | "present", files, bytes}; or {error} and exit code 1.
export const REMOTE_SCRIPT = String.raw`
'use strict';
var fs = require('fs'), path = require('path'), os = require('os'), crypto = require('crypto'), zlib = require('zlib');
var MANIFEST = '.coprobe-deploy.json';
function cacheDir() {
  var base = process.env.XDG_CACHE_HOME && path.isAbsolute(process.env.XDG_CACHE_HOME) ? process.env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'coprobe');
}
function sha(b) { return crypto.createHash('sha256').update(b).digest('hex'); }
function out(o) { process.stdout.write(JSON.stringify(o) + '\n'); }
function triplet() {
  var arch = process.arch;
  if (arch === 'arm' || arch === 'riscv64') {
    var h = Buffer.alloc(64), fd = fs.openSync(process.execPath, 'r');
    fs.readSync(fd, h, 0, 64, 0); fs.closeSync(fd);
    var flags = h[4] === 2 ? h.readUInt32LE(0x30) : h.readUInt32LE(0x24);
    if (arch === 'arm') arch += (flags & 0x400) ? 'hf' : 'sf';
    else arch += ['', 'f', 'd', 'q'][(flags & 6) >> 1];
  }
  var libc = '';
  if (process.platform === 'linux') {
    var rep = process.report && process.report.getReport ? process.report.getReport() : null;
    if (typeof rep === 'string') rep = JSON.parse(rep);
    libc = rep && rep.header && rep.header.glibcVersionRuntime ? 'glibc' : 'musl';
  }
  return { triplet: (libc === 'musl' ? 'musl' : process.platform) + '_' + arch, libc: libc };
}
// Why the directory is not an intact copy of its manifest (missing, changed or extra files), or '' when it is.
function verify(dir, manifestText, hash) {
  if (sha(manifestText).slice(0, 16) !== hash) return 'its manifest does not match the hash in its name';
  var m = JSON.parse(manifestText), want = {};
  for (var i = 0; i < m.files.length; i++) {
    var f = m.files[i], p = path.join(dir, f[0]);
    want[f[0]] = true;
    var st;
    try { st = fs.statSync(p); } catch (e) { return f[0] + ' is missing'; }
    if (!st.isFile() || st.size !== f[1]) return f[0] + ' has ' + st.size + ' bytes, not ' + f[1];
    if ((st.mode & 0o777) !== f[2]) return f[0] + ' has mode ' + (st.mode & 0o777).toString(8) + ', not ' + f[2].toString(8);
    if (sha(fs.readFileSync(p)) !== f[3]) return f[0] + ' differs from the copy that was sent (sha256)';
  }
  var extra = [];
  (function walk(rel) {
    var names = fs.readdirSync(path.join(dir, rel));
    for (var j = 0; j < names.length; j++) {
      var r = rel ? rel + '/' + names[j] : names[j], s = fs.lstatSync(path.join(dir, r));
      if (s.isDirectory()) walk(r);
      else if (r !== MANIFEST && !want[r]) extra.push(r);
    }
  })('');
  return extra.length ? 'it holds files the manifest does not list (' + extra.slice(0, 3).join(', ') + ')' : '';
}
function stateOf(dir, hash) {
  var text;
  try { text = fs.readFileSync(path.join(dir, MANIFEST), 'utf8'); } catch (e) { return { state: 'incomplete', why: 'it has no manifest' }; }
  var why;
  try { why = verify(dir, text, hash); } catch (e) { why = e.message; }
  return why ? { state: 'corrupt', why: why } : { state: 'intact' };
}
function probe(version) {
  var t = triplet(), dir = cacheDir(), dirs = [], prefix = 'agent-' + version + '-';
  var names = [];
  try { names = fs.readdirSync(dir); } catch (e) { /* no cache yet */ }
  var removed = [];
  for (var i = 0; i < names.length; i++) {
    if (names[i].indexOf('.tmp-agent-') === 0) {
      // A copy whose unpacking was killed (its node SIGKILLed, the host rebooted) an hour or more ago: never renamed, removed.
      try {
        if (Date.now() - fs.statSync(path.join(dir, names[i])).mtimeMs > 3600e3) { fs.rmSync(path.join(dir, names[i]), { recursive: true, force: true }); removed.push(names[i]); }
      } catch (e) { /* another run's, or gone */ }
      continue;
    }
    if (names[i].indexOf(prefix) !== 0) continue;
    var s = stateOf(path.join(dir, names[i]), names[i].slice(prefix.length));
    s.name = names[i];
    dirs.push(s);
  }
  out({ node: process.version, execPath: process.execPath, platform: process.platform, arch: process.arch, triplet: t.triplet, libc: t.libc, cache: dir, dirs: dirs, removed: removed });
}
function unpack(dirName, hash) {
  var chunks = [];
  process.stdin.on('data', function (c) { chunks.push(c); });
  process.stdin.on('end', function () {
    var cache = cacheDir(), final = path.join(cache, dirName), tmp;
    try {
      var tar = zlib.gunzipSync(Buffer.concat(chunks));
      fs.mkdirSync(cache, { recursive: true, mode: 0o755 });
      tmp = fs.mkdtempSync(path.join(cache, '.tmp-' + dirName + '-'));
      fs.chmodSync(tmp, 0o755);
      var manifestText = null, files = 0, bytes = 0;
      for (var off = 0; off + 512 <= tar.length;) {
        var h = tar.subarray(off, off + 512);
        if (h[0] === 0) break;
        var str = function (a, n) { var s = h.subarray(a, a + n), z = s.indexOf(0); return s.subarray(0, z < 0 ? n : z).toString('utf8'); };
        var name = str(0, 100), prefix = str(345, 155), size = parseInt(str(124, 12), 8), mode = parseInt(str(100, 8), 8);
        var rel = prefix ? prefix + '/' + name : name;
        var data = tar.subarray(off + 512, off + 512 + size);
        off += 512 + Math.ceil(size / 512) * 512;
        if (h[156] !== 48 && h[156] !== 0) throw new Error(rel + ': not a regular file in the archive');
        if (path.isAbsolute(rel) || rel.split('/').indexOf('..') >= 0 || rel === '') throw new Error('unsafe path in the archive: ' + rel);
        if (manifestText === null) {
          if (rel !== MANIFEST) throw new Error('the archive does not begin with its manifest');
          manifestText = data.toString('utf8');
          if (sha(manifestText).slice(0, 16) !== hash) throw new Error('the manifest received does not match the hash ' + hash);
          continue;
        }
        fs.mkdirSync(path.join(tmp, path.dirname(rel)), { recursive: true, mode: 0o755 });
        fs.writeFileSync(path.join(tmp, rel), data, { mode: mode & 0o755 });
        fs.chmodSync(path.join(tmp, rel), mode & 0o755);
        files++; bytes += size;
      }
      if (manifestText === null) throw new Error('empty archive');
      var why = verify(tmp, manifestText, hash);
      if (why) throw new Error('the copy does not verify: ' + why);
      fs.writeFileSync(path.join(tmp, MANIFEST), manifestText, { mode: 0o644 });
      try {
        fs.renameSync(tmp, final);
      } catch (e) {
        if (e.code !== 'EEXIST' && e.code !== 'ENOTEMPTY') throw e;
        // Another run copied the same version first: its directory stays as it is (never replaced); ours goes.
        fs.rmSync(tmp, { recursive: true, force: true });
        var s = stateOf(final, hash);
        if (s.state !== 'intact') throw new Error(final + ' appeared meanwhile and is not intact: ' + s.why);
        out({ result: 'present', files: files, bytes: bytes, dir: final });
        return;
      }
      out({ result: 'copied', files: files, bytes: bytes, dir: final });
    } catch (e) {
      if (tmp) { try { fs.rmSync(tmp, { recursive: true, force: true }); } catch (e2) { /* reported below */ } }
      out({ error: e.message });
      process.exitCode = 1;
    }
  });
}
var a = process.argv.slice(1);
if (a[0] === 'probe') probe(a[1]);
else if (a[0] === 'unpack') unpack(a[1], a[2]);
else { out({ error: 'unknown mode ' + a[0] }); process.exitCode = 2; }
`;

/** The shell words that run the probe: node when there is one, else a line naming the machine (uname -m). */
export function probeWords(version: string): string[] {
  return ['sh', '-c', 'if command -v node >/dev/null 2>&1; then exec node -e "$1" -- probe "$2"; else printf "NODE-MISSING %s\\n" "$(uname -m)"; fi', 'sh', REMOTE_SCRIPT, version];
}

/** The shell words that unpack the archive on stdin with the node the probe found. */
export function unpackWords(node: string, dirName: string, hash: string): string[] {
  return [node, '-e', REMOTE_SCRIPT, '--', 'unpack', dirName, hash];
}
