/** Picks the front end by file name. Both return the same AST. */
import { DiagnosticBag, type Result } from '../diagnostics/diagnostic.js';
import { fileSpan } from '../diagnostics/span.js';
import type { SourceFile } from './ast.js';
import { parseDsl } from './dsl/cst-to-ast.js';
import { parseYaml } from './yaml/yaml-to-ast.js';

export const INTENT_EXTENSIONS = ['.iam', '.iam.yaml', '.iam.yml'] as const;

export function isIntentFile(path: string): boolean {
  return INTENT_EXTENSIONS.some((ext) => path.endsWith(ext));
}

export function parseSource(path: string, text: string): Result<SourceFile> {
  if (path.endsWith('.iam')) return parseDsl(path, text);
  if (path.endsWith('.iam.yaml') || path.endsWith('.iam.yml')) return parseYaml(path, text);
  const bag = new DiagnosticBag();
  bag.add('IAM0005', fileSpan(path), `\`${path}\` is not an intent file`, { suggestion: 'intent files end in `.iam`, `.iam.yaml` or `.iam.yml`' });
  return { value: { path, declarations: [] }, diagnostics: bag.items };
}
