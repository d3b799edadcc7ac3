/** `iamc fmt` prints managed policies back as written, on roles and permission sets, comments kept. */
import { describe, expect, it } from 'vitest';
import { formatDsl } from '../../compiler/format/format.js';

describe('formatDsl: managed policies', () => {
  it('lays out `managed-policy` and `customer-managed` with path and reason, in place among the grants', () => {
    const input = [
      'role auditor for role "ops" in prod in prod {',
      '  managed-policy   "SecurityAudit"   # read-only audit',
      '  customer-managed "TeamReadOnly" path "/team/" because "team tooling"',
      '  read s3 objects "reports/*"',
      '}',
      'permission-set Auditors {',
      '  customer-managed "TeamReadOnly"',
      '  managed-policy "AdministratorAccess" because "break-glass"',
      '}',
      '',
    ].join('\n');
    const out = formatDsl('a.iam', input).value!;
    expect(out).toContain('  managed-policy "SecurityAudit"  # read-only audit\n  customer-managed "TeamReadOnly" path "/team/" because "team tooling"\n  read s3 objects "reports/*"\n');
    expect(out).toContain('permission-set Auditors {\n  customer-managed "TeamReadOnly"\n  managed-policy "AdministratorAccess" because "break-glass"\n}');
    expect(formatDsl('a.iam', out).value).toBe(out);
  });
});
