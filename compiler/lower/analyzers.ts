/** Analyzers → Access Analyzer with one archive rule per trusted principal, and the alert flag. */
import type { IntentAnalyzer } from '../ir/intent.js';
import type { CompiledAnalyzer } from '../ir/policy.js';

export function lowerAnalyzer(analyzer: IntentAnalyzer): CompiledAnalyzer {
  return {
    name: analyzer.name,
    type: analyzer.type,
    archiveRules: analyzer.archivePrincipals.map((p) => ({
      // Rule names take letters, digits, `_.-`; a principal ARN's other characters become `-`.
      name: `archive-${p.value.replace(/[^A-Za-z0-9_.-]/g, '-')}`,
      principal: p.value,
      ...(p.because !== undefined ? { reason: p.because } : {}),
    })),
    alert: analyzer.alert,
    span: analyzer.span,
  };
}
