/**
 * Finds and reads intent files. A folder is searched recursively (skipping dot-folders,
 * node_modules and the output folder); files are returned in path order with paths relative to
 * the working directory, `/`-separated on every platform, so output never depends on either.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DiagnosticBag, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../compiler/diagnostics/span.js';
import type { Source } from '../compiler/pipeline.js';
import { isIntentFile } from '../compiler/syntax/parse-source.js';

/**
 * With `json`, plain policy JSON files named on the command line are read too (for `iamc check`);
 * folders still yield intent files only, so a folder of Terraform output is never linted by accident.
 */
export function readSources(paths: readonly string[], cwd: string, exclude?: string, options: { json?: boolean } = {}): { sources: Source[]; diagnostics: Diagnostic[] } {
  const bag = new DiagnosticBag();
  const found = new Set<string>();
  const excluded = exclude === undefined ? undefined : resolve(cwd, exclude);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules' || full === excluded) continue;
        walk(full);
      } else if (entry.isFile() && isIntentFile(entry.name)) found.add(full);
    }
  };
  for (const path of paths.length > 0 ? paths : ['.']) {
    const full = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      bag.add('IAM0001', fileSpan(path), `cannot read \`${path}\`: no such file or folder`);
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else if (isIntentFile(full) || (options.json === true && full.endsWith('.json'))) found.add(full);
    else bag.add('IAM0005', fileSpan(path), `\`${path}\` is not an intent file`, { suggestion: `intent files end in \`.iam\`, \`.iam.yaml\` or \`.iam.yml\`${options.json ? '; `iamc check` also lints `.json` policies' : ''}` });
  }
  const sources: Source[] = [];
  for (const full of [...found].sort()) {
    const path = relative(cwd, full).split(sep).join('/');
    try {
      const bytes = readFileSync(full);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      sources.push({ path, text: text.startsWith('\ufeff') ? text.slice(1) : text });
    } catch (error) {
      const reason = error instanceof TypeError ? 'it is not UTF-8 text' : 'it cannot be read';
      bag.add('IAM0005', fileSpan(path), `cannot read \`${path}\`: ${reason}`);
    }
  }
  if (sources.length === 0 && !bag.hasErrors) {
    bag.add('IAM0002', fileSpan(paths[0] ?? '.'), 'no intent files found', { suggestion: 'intent files end in `.iam`, `.iam.yaml` or `.iam.yml`' });
  }
  return { sources, diagnostics: bag.items };
}
