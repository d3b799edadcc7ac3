/** Prints diagnostics in the format asked for. */
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { CODES } from '../compiler/diagnostics/codes.js';
import { renderJson, renderSarif, renderText } from '../compiler/diagnostics/render.js';
import type { Source } from '../compiler/pipeline.js';
import type { Io } from './io.js';

export type Format = 'text' | 'json' | 'sarif';

export function report(io: Io, format: Format, diagnostics: readonly Diagnostic[], sources: readonly Source[]): void {
  if (format === 'json') {
    io.stdout(renderJson(diagnostics));
    return;
  }
  if (format === 'sarif') {
    io.stdout(renderSarif(diagnostics, CODES, '0.1.0'));
    return;
  }
  if (diagnostics.length === 0) return;
  io.stderr(renderText(diagnostics, { color: io.color, sources: new Map(sources.map((s) => [s.path, s.text])) }));
}
