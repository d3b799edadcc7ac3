import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import { fileSpan } from '../../compiler/diagnostics/span.js';
import { diffModels, isEmptyDiff, notComparedText } from '../../compiler/diff/diff.js';
import { modelOfOutput } from '../../compiler/diff/from-output.js';
import { modelOfProgram } from '../../compiler/diff/from-program.js';
import type { AccessModel } from '../../compiler/diff/model.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../compiler/diff/render.js';
import { compileSources, type Source } from '../../compiler/pipeline.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type Io } from '../io.js';
import { report } from '../report.js';
import { readSources } from '../sources.js';

export const DIFF_HELP = `usage: iamc diff BASE HEAD [--format text|json|markdown]

Compares the access two versions grant and writes nothing. BASE and HEAD are each a folder or
file of intents, or a folder of compiled output (recognised by its manifest.json), so CI can
compare committed output with a fresh compile.

Every construct that grants, caps or watches access is compared: roles (keyed by account and
name: trust, identity policy, managed policies, boundary, maximum session, path), permission
sets (inline policy, managed policies, boundary, session, assignments), guardrails (statements,
exemptions, targets), boundaries, analyzers and archive rules. A change is named for what it
does: added, removed, widened (now matches more), narrowed or changed; a change that may widen
access is marked with !.

options:
  --format FMT     text (default), markdown (for a pull-request comment) or json
  -h, --help       show this help

exit codes (as GNU diff): 0 no difference, 1 a difference, 2 trouble (usage, a side that does not
compile or cannot be read, or something one side does not record so it could not be compared)
`;

const EXIT_TROUBLE = EXIT_USAGE;

type DiffFormat = 'text' | 'json' | 'markdown';

export async function runDiff(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('diff', args, [{ name: 'format', takesValue: true, values: ['text', 'json', 'markdown'] }], DIFF_HELP, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length !== 2) {
    io.stderr(`iamc diff: expected two paths, BASE and HEAD, not ${parsed.positionals.length}\n\n${DIFF_HELP}`);
    return EXIT_USAGE;
  }
  const format = (parsed.flags.get('format') as DiffFormat | undefined) ?? 'text';
  const [basePath, headPath] = parsed.positionals as [string, string];
  const base = readSide(basePath, io.cwd);
  const head = readSide(headPath, io.cwd);
  if (!base.model || !head.model) {
    report(io, format === 'json' ? 'json' : 'text', [...base.diagnostics, ...head.diagnostics], [...base.sources, ...head.sources]);
    return EXIT_TROUBLE;
  }
  const diff = diffModels(base.model, head.model);
  io.stdout(format === 'json' ? renderDiffJson(diff) : format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff));
  if (diff.incomplete.length > 0) {
    // Saying "no difference" about what was never compared is how a gate gets walked around.
    const manifestOf = (side: 'base' | 'head') => (side === 'base' ? (base.manifest ?? basePath) : (head.manifest ?? headPath));
    const notes = diff.incomplete.map((i) =>
      diagnostic('IAM0034', fileSpan(manifestOf(i.missing[0]?.side ?? 'base')), notComparedText(i), {
        suggestion: 'compile that side with the Terraform target (the default), or compare the intent folders',
      }),
    );
    report(io, 'text', notes, []);
    return EXIT_TROUBLE;
  }
  return isEmptyDiff(diff) ? EXIT_OK : EXIT_ERRORS;
}

/** One side read as an access model: compiled output when it has a manifest, intents otherwise. */
function readSide(path: string, cwd: string): { model?: AccessModel; manifest?: string; diagnostics: Diagnostic[]; sources: Source[] } {
  const full = resolve(cwd, path);
  const folder = basename(full) === 'manifest.json' && isFile(full) ? dirname(full) : isFile(join(full, 'manifest.json')) ? full : undefined;
  if (folder !== undefined) {
    const shown = relative(cwd, folder).split(sep).join('/') || '.';
    const { model, diagnostics } = modelOfOutput(shown, (file) => readInside(folder, file));
    return { ...(model ? { model } : {}), manifest: shown === '.' ? 'manifest.json' : `${shown}/manifest.json`, diagnostics, sources: [] };
  }
  const { sources, diagnostics } = readSources([path], cwd);
  if (hasErrors(diagnostics)) return { diagnostics, sources };
  const result = compileSources(sources, { emit: false });
  if (!result.program || hasErrors(result.diagnostics)) return { diagnostics: result.diagnostics.filter((d) => d.severity === 'error'), sources };
  return { model: modelOfProgram(result.program), diagnostics: [], sources };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A file the manifest names, read only when it lies inside the output folder. */
function readInside(folder: string, file: string): string | undefined {
  const full = resolve(folder, file);
  const rel = relative(folder, full);
  if (isAbsolute(file) || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  try {
    return readFileSync(full, 'utf8');
  } catch {
    return undefined;
  }
}
