import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../compiler/diagnostics/diagnostic.js';
import type { DocumentKind } from '../../compiler/lint/document.js';
import { lintPolicyFileDetailed, type PolicyFileOptions } from '../../compiler/lint/lint-policy-file.js';
import { lintSources } from '../../compiler/lint/lint-sources.js';
import { WAIVER_FILE } from '../../compiler/lint/waiver-file.js';
import { applyWaivers } from '../../compiler/lint/waivers.js';
import { compileSources, type Source } from '../../compiler/pipeline.js';
import { commandArgs } from '../args.js';
import { EXIT_ERRORS, EXIT_OK, type Io } from '../io.js';
import { listedInOutput, outputManifest, readOutputFolder } from '../output-folder.js';
import { report, type Format } from '../report.js';
import { readSources } from '../sources.js';

export const POLICY_TYPES = ['identity', 'resource', 'trust', 'scp', 'boundary'] as const;

export const CHECK_HELP = `usage: iamc check [PATHS…] [--policy-type TYPE] [--format text|json|sarif]

Parses, resolves, lowers, verifies and lints the intent files under PATHS (default: the current
folder) exactly as \`iamc compile\` does, and writes nothing. Plain IAM policy JSON files named
on the command line (\`policy.json\`) are linted as they are. A folder iamc compiled into (it
holds iamc's \`manifest.json\`), or a file in one, is checked with the rules of each file's kind
and the reasons (\`because\`) its intents gave.

options:
  --policy-type T  the kind of the JSON files named: identity, resource, trust, scp or boundary;
                   without it, each file gets the rules of every kind its shape allows
  --format FMT     diagnostics as text (default), json, or sarif (for code scanning)
  -h, --help       show this help

Waivers for policy JSON go in a \`${WAIVER_FILE}\` file beside it (see docs/lint.md).

exit codes: 0 ok, 1 errors, 2 usage
`;

interface PolicySource extends Source {
  readonly options: PolicyFileOptions;
}

export async function runCheck(args: readonly string[], io: Io): Promise<number> {
  const parsed = commandArgs('check', args, [
    { name: 'format', takesValue: true, values: ['text', 'json', 'sarif'] },
    { name: 'policy-type', takesValue: true, values: POLICY_TYPES },
  ], CHECK_HELP, io);
  if (typeof parsed === 'number') return parsed;
  const format = (parsed.flags.get('format') as Format | undefined) ?? 'text';
  const policyType = parsed.flags.get('policy-type') as DocumentKind | undefined;

  const { sources, policies, diagnostics: readDiagnostics } = gatherInputs(parsed.positionals, policyType, io.cwd);
  const waiverFiles = readWaiverFiles(policies, io.cwd);
  const linted = new Map<string, boolean>();
  const findings: Diagnostic[] = [...lintSources([...policies, ...waiverFiles])];
  for (const p of policies) {
    const result = lintPolicyFileDetailed(p.path, p.text, p.options);
    linted.set(p.path, result.linted);
    findings.push(...result.diagnostics);
  }
  const lintedPolicies = applyWaivers(findings, [...policies, ...waiverFiles], { linted: (file) => linted.get(file) ?? true });
  const result = hasErrors(readDiagnostics) || sources.length === 0 ? { diagnostics: [] } : compileSources(sources, { emit: false });
  const diagnostics = sortDiagnostics([...readDiagnostics, ...lintedPolicies, ...result.diagnostics]);
  const all = [...sources, ...policies, ...waiverFiles];
  report(io, format, diagnostics, all);
  if (hasErrors(diagnostics)) return EXIT_ERRORS;
  if (format === 'text') {
    const count = sources.length + policies.length;
    const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
    io.stderr(`checked ${count} file${count === 1 ? '' : 's'}: no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n`);
  }
  return EXIT_OK;
}

/**
 * Intent files, and policy JSON with what is known of each: an output folder's files with the
 * kinds and reasons of its manifest, a file named on its own with the stated `--policy-type` or,
 * when it belongs to iamc's output, its manifest's. Output folders are read first: their files
 * are policies of known kinds, not intents.
 */
function gatherInputs(positionals: readonly string[], policyType: DocumentKind | undefined, cwd: string): { sources: Source[]; policies: PolicySource[]; diagnostics: Diagnostic[] } {
  const policies: PolicySource[] = [];
  const diagnostics: Diagnostic[] = [];
  const rest: string[] = [];
  for (const path of positionals) {
    const manifest = outputManifest(resolve(cwd, path));
    if (!manifest) {
      rest.push(path);
      continue;
    }
    const out = readOutputFolder(resolve(cwd, path), manifest, cwd);
    diagnostics.push(...out.diagnostics);
    for (const p of out.policies) policies.push({ path: p.path, text: p.text, options: { ...(p.type ? { type: p.type } : {}), reasons: p.reasons } });
  }
  const sources: Source[] = [];
  if (rest.length > 0 || positionals.length === 0) {
    const read = readSources(rest, cwd, undefined, { json: true });
    diagnostics.push(...read.diagnostics);
    for (const s of read.sources) {
      if (!s.path.endsWith('.json')) {
        sources.push(s);
        continue;
      }
      const listed = listedInOutput(resolve(cwd, s.path));
      const type = policyType ?? listed?.type;
      policies.push({ ...s, options: { ...(type ? { type } : {}), ...(listed ? { reasons: listed.reasons } : {}) } });
    }
  }
  // An unreadable input stops the compile of intents; the policies read are still checked.
  return { sources: hasErrors(diagnostics) ? [] : sources, policies, diagnostics };
}

/** The `.iamc-waivers` file of each policy's folder, once each. */
function readWaiverFiles(policies: readonly Source[], cwd: string): Source[] {
  const folders = [...new Set(policies.map((p) => (p.path.includes('/') ? dirname(p.path) : '.')))].sort();
  const out: Source[] = [];
  for (const folder of folders) {
    const path = folder === '.' ? WAIVER_FILE : `${folder}/${WAIVER_FILE}`;
    const full = resolve(cwd, path);
    if (!existsSync(full) || !statSync(full).isFile()) continue;
    try {
      out.push({ path, text: readFileSync(full, 'utf8') });
    } catch {
      // An unreadable waiver file waives nothing; the findings it meant to waive stay.
    }
  }
  return out;
}
