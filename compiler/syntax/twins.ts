/**
 * Twin files: `x.iam` beside `x.iam.yaml` (or `.iam.yml`) are one file in two syntaxes, kept so
 * that tools that only read YAML and people who read the language both have their form. iamc
 * compiles the `.iam` file once and checks that the twin parses to the same AST (spans aside);
 * where they differ, the first differing declaration of the twin is reported.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import { stripSpans, type SourceFile } from './ast.js';

const stem = (path: string) => path.replace(/\.iam(\.ya?ml)?$/, '');

export function mergeTwins(files: readonly SourceFile[]): { files: SourceFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const kept: SourceFile[] = [];
  const byStem = new Map<string, SourceFile[]>();
  for (const f of files) byStem.set(stem(f.path), [...(byStem.get(stem(f.path)) ?? []), f]);
  for (const group of byStem.values()) {
    // The `.iam` file leads; among YAML-only groups (`.yaml` and `.yml`) the first path does.
    const sorted = [...group].sort((a, b) => Number(!a.path.endsWith('.iam')) - Number(!b.path.endsWith('.iam')) || (a.path < b.path ? -1 : 1));
    const [lead, ...twins] = sorted as [SourceFile, ...SourceFile[]];
    kept.push(lead);
    for (const twin of twins) {
      const difference = firstDifference(lead, twin);
      if (difference !== undefined) diagnostics.push(difference);
    }
  }
  return { files: kept, diagnostics };
}

function firstDifference(lead: SourceFile, twin: SourceFile): Diagnostic | undefined {
  const count = Math.max(lead.declarations.length, twin.declarations.length);
  for (let i = 0; i < count; i++) {
    const a = lead.declarations[i];
    const b = twin.declarations[i];
    if (JSON.stringify(stripSpans(a)) === JSON.stringify(stripSpans(b))) continue;
    const span = b?.span ?? fileSpan(twin.path);
    const what = a === undefined ? 'has a declaration' : b === undefined ? 'lacks a declaration' : 'says something else here';
    return diagnostic('IAM2121', span, `\`${twin.path}\` ${what} than its twin \`${lead.path}\``, {
      ...(a ? { related: [{ message: 'the twin says this', span: a.span }] } : {}),
      suggestion: 'edit both files together, or remove the one you no longer keep',
    });
  }
  return undefined;
}
