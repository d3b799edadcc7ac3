/**
 * Finds and reads intent files. A folder is searched recursively (skipping dot-folders,
 * node_modules and the output folder); files are returned in path order with paths relative to
 * the working directory, `/`-separated on every platform, so output never depends on either.
 *
 * Symbolic links are followed, files and folders alike: a linked guardrail that vanished from
 * the program without a word would be a hole. A link back into a folder being searched is a loop,
 * reported and not followed; a link to nothing is reported too. A file reached by two paths is
 * read once, under the first path in order.
 */
import { readdirSync, readFileSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DiagnosticBag, type Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../compiler/diagnostics/span.js';
import type { Source } from '../compiler/pipeline.js';
import { realPathOf } from '../compiler/write/output-guard.js';
import { isIntentFile } from '../compiler/syntax/parse-source.js';

export interface ReadSources {
  readonly sources: Source[];
  readonly diagnostics: Diagnostic[];
  /** The real path of every file read, links resolved (the writer refuses to replace them). */
  readonly files: string[];
}

/**
 * With `json`, plain policy JSON files named on the command line are read too (for `iamc check`);
 * folders still yield intent files only, so a folder of Terraform output is never linted by accident.
 */
export function readSources(paths: readonly string[], cwd: string, exclude?: string, options: { json?: boolean } = {}): ReadSources {
  const bag = new DiagnosticBag();
  const shown = (full: string) => relative(cwd, full).split(sep).join('/') || '.';
  /** Real path → the path it was first found under. */
  const found = new Map<string, string>();
  const excluded = exclude === undefined ? undefined : realPathOf(resolve(cwd, exclude));
  const addFile = (full: string) => {
    const real = realOrSelf(full);
    if (!found.has(real)) found.set(real, full);
  };
  const walked = new Set<string>();
  /** `ancestors`: real paths of the folders on the way here, to tell a loop from a second route. */
  const walk = (dir: string, ancestors: readonly string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      let stat: Stats | undefined = undefined;
      if (entry.isSymbolicLink()) {
        try {
          stat = statSync(full);
        } catch (error) {
          brokenLink(full, isIntentFile(entry.name), (error as NodeJS.ErrnoException).code === 'ELOOP');
          continue;
        }
      }
      const isDirectory = stat?.isDirectory() ?? entry.isDirectory();
      const isFile = stat?.isFile() ?? entry.isFile();
      if (isDirectory) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const real = realOrSelf(full);
        if (real === excluded) continue;
        if (ancestors.includes(real)) {
          bag.add('IAM0017', fileSpan(shown(full)), `\`${shown(full)}\` links back to \`${shown(real)}\`, a folder it is in; not followed`, {
            suggestion: 'remove the link, or point it at a folder outside this one',
          });
          continue;
        }
        // A folder reached again by another route adds nothing (its files are read once anyway);
        // walking it again would make a diamond of links cost exponential time.
        if (walked.has(real)) continue;
        walked.add(real);
        walk(full, [...ancestors, real]);
      } else if (isFile && isIntentFile(entry.name)) addFile(full);
    }
  };
  const brokenLink = (full: string, isIntent: boolean, loop: boolean) => {
    let to = '?';
    try {
      to = readlinkSync(full);
    } catch {
      // unreadable link: the message still names the link itself
    }
    if (loop) {
      bag.add('IAM0017', fileSpan(shown(full)), `\`${shown(full)}\` is a symbolic link to \`${to}\`, which leads back to itself; not followed`, {
        suggestion: 'remove the link, or point it at a real file or folder',
      });
      return;
    }
    const message = `\`${shown(full)}\` is a symbolic link to \`${to}\`, which does not exist`;
    // A dangling link named like an intent file is an intent file gone missing: an error.
    bag.add(isIntent ? 'IAM0001' : 'IAM0018', fileSpan(shown(full)), message);
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
    if (stat.isDirectory()) {
      walked.add(realOrSelf(full));
      walk(full, [realOrSelf(full)]);
    }
    else if (isIntentFile(full) || (options.json === true && full.endsWith('.json'))) addFile(full);
    else bag.add('IAM0005', fileSpan(path), `\`${path}\` is not an intent file`, { suggestion: `intent files end in \`.iam\`, \`.iam.yaml\` or \`.iam.yml\`${options.json ? '; `iamc check` also lints `.json` policies' : ''}` });
  }
  const sources: Source[] = [];
  const files: string[] = [];
  for (const [real, full] of [...found].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = shown(full);
    try {
      const bytes = readFileSync(full);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      sources.push({ path, text: text.startsWith('\ufeff') ? text.slice(1) : text });
      files.push(real);
    } catch (error) {
      const reason = error instanceof TypeError ? 'it is not UTF-8 text' : 'it cannot be read';
      bag.add('IAM0005', fileSpan(path), `cannot read \`${path}\`: ${reason}`);
    }
  }
  if (sources.length === 0 && !bag.hasErrors) {
    bag.add('IAM0002', fileSpan(paths[0] ?? '.'), 'no intent files found', { suggestion: 'intent files end in `.iam`, `.iam.yaml` or `.iam.yml`' });
  }
  return { sources, diagnostics: bag.items, files };
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
