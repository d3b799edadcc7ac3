/**
 * Diagnostics for people (like a modern compiler: location, the source line, a caret underline,
 * a help line) and for machines (the JSON form the README documents).
 */
import type { Diagnostic } from './diagnostic.js';
import { LineIndex, type Span } from './span.js';

export interface RenderOptions {
  readonly color: boolean;
  /** Source text by file path, to show the offending line. */
  readonly sources: ReadonlyMap<string, string>;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function renderText(diagnostics: readonly Diagnostic[], options: RenderOptions): string {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string) => {
    let index = indexes.get(file);
    const text = options.sources.get(file);
    if (!index && text !== undefined) indexes.set(file, (index = new LineIndex(file, text)));
    return index;
  };
  const out: string[] = [];
  for (const d of diagnostics) {
    const color = d.severity === 'error' ? '1;31' : d.severity === 'warning' ? '1;33' : '1;36';
    out.push(`${paint(options.color, color, `${d.severity}[${d.code}]`)}${paint(options.color, '1', `: ${d.message}`)}`);
    out.push(...excerpt(d.span, indexOf(d.span.file), options.color, color));
    if (d.detail) out.push(`   = note: ${d.detail}`);
    if (d.suggestion) out.push(`   = ${paint(options.color, '1;32', 'help')}: ${d.suggestion}`);
    for (const r of d.related ?? []) {
      out.push(`   ${paint(options.color, '1;36', 'note')}: ${r.message}`);
      out.push(...excerpt(r.span, indexOf(r.span.file), options.color, '1;36'));
    }
    out.push('');
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) out.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return out.join('\n') + (out.length > 0 ? '\n' : '');
}

function excerpt(span: Span, index: LineIndex | undefined, color: boolean, caretColor: string): string[] {
  const lines = [`  --> ${span.file}:${span.line}:${span.column}`];
  if (!index) return lines;
  const text = index.lineText(span.line).replace(/\t/g, ' ');
  if (text.length > 240) return lines; // minified or binary input: the location is enough
  const gutter = String(span.line).length;
  const width = span.endLine === span.line ? Math.max(1, span.endColumn - span.column) : Math.max(1, text.length - span.column + 1);
  lines.push(`${' '.repeat(gutter + 1)}|`);
  lines.push(`${span.line} | ${printable(text)}`);
  lines.push(`${' '.repeat(gutter + 1)}| ${' '.repeat(Math.max(0, span.column - 1))}${paint(color, caretColor, '^'.repeat(width))}`);
  return lines;
}

/** Control characters would corrupt the terminal; show them as U+FFFD. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '\ufffd');
}

export function renderJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(
    {
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        file: d.span.file,
        line: d.span.line,
        column: d.span.column,
        endLine: d.span.endLine,
        endColumn: d.span.endColumn,
        ...(d.detail ? { detail: d.detail } : {}),
        ...(d.suggestion ? { suggestion: d.suggestion } : {}),
        ...(d.related ? { related: d.related.map((r) => ({ message: r.message, file: r.span.file, line: r.span.line, column: r.span.column })) } : {}),
      })),
    },
    null,
    2,
  )}\n`;
}

/** SARIF 2.1.0, for code-scanning uploads: one run, one rule per code that occurs. */
export function renderSarif(diagnostics: readonly Diagnostic[], rules: Readonly<Record<string, { summary: string; doc: string }>>, version: string): string {
  const used = [...new Set(diagnostics.map((d) => d.code))].sort();
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'iamc',
            version,
            rules: used.map((code) => ({ id: code, name: rules[code]?.summary ?? code, shortDescription: { text: rules[code]?.summary ?? code }, fullDescription: { text: rules[code]?.doc ?? '' } })),
          },
        },
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          level: level(d.severity),
          message: { text: d.suggestion ? `${d.message} (${d.suggestion})` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.span.file },
                region: { startLine: d.span.line, startColumn: d.span.column, endLine: d.span.endLine, endColumn: d.span.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
