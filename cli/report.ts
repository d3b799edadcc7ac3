/** Prints diagnostics in the format asked for. */
import type { Diagnostic } from '../compiler/diagnostics/diagnostic.js';
import { renderJson, renderText } from '../compiler/diagnostics/render.js';
import type { Source } from '../compiler/pipeline.js';
import type { Io } from './io.js';

export type Format = 'text' | 'json';

export function report(io: Io, format: Format, diagnostics: readonly Diagnostic[], sources: readonly Source[]): void {
  if (format === 'json') {
    io.stdout(renderJson(diagnostics));
    return;
  }
  if (diagnostics.length === 0) return;
  io.stderr(renderText(diagnostics, { color: io.color, sources: new Map(sources.map((s) => [s.path, s.text])) }));
}
