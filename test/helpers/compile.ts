/** Test helpers: compile in-memory sources or a folder, and run the CLI with captured output. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileSources, type CompileResult, type Source } from '../../compiler/pipeline.js';
import { main } from '../../cli/main.js';
import { readSources } from '../../cli/sources.js';

export function compileText(files: Record<string, string>): CompileResult {
  const sources: Source[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return compileSources(sources);
}

export function compileFolder(dir: string, cwd: string): CompileResult {
  const { sources, diagnostics } = readSources([dir], cwd);
  if (diagnostics.length > 0) throw new Error(`cannot read ${dir}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return compileSources(sources);
}

export function codes(result: CompileResult): string[] {
  return result.diagnostics.map((d) => d.code);
}

export function at(result: CompileResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.span.file}:${d.span.line}:${d.span.column}`);
}

export async function runCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, color: false });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'iamc-test-'));
}

export function policy(result: CompileResult, path: string): { Statement: Record<string, unknown>[] } {
  const text = result.files?.get(path);
  if (text === undefined) throw new Error(`no output file ${path}; have: ${[...(result.files?.keys() ?? [])].join(', ')}; diagnostics: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return JSON.parse(text) as { Statement: Record<string, unknown>[] };
}

/** A temporary folder holding these files (paths relative to it). */
export function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
