#!/usr/bin/env node
// coprobe's entry point: the compiled CLI in dist/ (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('coprobe: not built yet: run `npm install` (or `npm run build`) in the coprobe directory');
  process.exit(2);
}
const { main } = await import(entry.href);
await main(process.argv.slice(2));
