// Prints the gzip size of the JavaScript each entry loads up front (the entry chunk and its
// static imports, not lazy chunks) and fails when the wizard's initial load exceeds the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 120;
const dist = new URL('../dist/', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;

const initialFiles = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) initialFiles(imported, seen);
  return seen;
};

const sizeOf = (keys) => [...keys].reduce((sum, key) => sum + gzipKb(manifest[key].file), 0);
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const chunk = (name) => Object.keys(manifest).find((key) => key.endsWith(name));

const base = initialFiles(entry);
const withArea = (name) => {
  const key = chunk(name);
  return key ? sizeOf(initialFiles(key, new Set(base))) : Number.NaN;
};
const rows = {
  'wizard (initial)': withArea('wizard/WizardPage.tsx'),
  'editor (initial)': withArea('editor/EditorApp.tsx'),
};
for (const [name, kb] of Object.entries(rows))
  console.log(`${name.padEnd(18)} ${kb.toFixed(1)} kB gzip`);
if (!(rows['wizard (initial)'] <= BUDGET_KB)) {
  console.error(`The wizard's initial JavaScript exceeds the ${BUDGET_KB} kB gzip budget.`);
  process.exit(1);
}
