/**
 * A folder of compiled output → the access model, so CI can diff committed output against a
 * fresh compile, and an older iamc's output still reads after an upgrade. The manifest (version 1,
 * or version 2: version 1 plus `generator` and `files`) says which file holds which document;
 * fields it does not know are ignored, extra fields it does (`managedPolicies`, `maxSessionSeconds`,
 * `boundary` on a permission set, archive rules with their `principal`) are used. What neither the
 * manifest nor iamc's Terraform beside it records is left `Unknown` and reported, never assumed.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { fileSpan, LineIndex } from '../diagnostics/span.js';
import type { ConditionClause } from '../ir/intent.js';
import type { PolicyDocument, PrincipalBlock, Statement } from '../ir/policy.js';
import { accessGrants, guardrailGrants, trustGrants } from './grants.js';
import { DEFAULT_MAX_SESSION_SECONDS, type AccessModel, type MaybeKnown, type RoleModel } from './model.js';
import { hclStringList, hclStringValue, readTerraformBlocks, referencedLabel, type TerraformBlock } from './read-terraform.js';
import { normaliseManagedPolicy, sessionSeconds, whereFromText } from './values.js';

export const MANIFEST_VERSIONS = [1, 2] as const;

/** Reads a file of the output folder by its manifest path; undefined when it is not there. */
export type ReadOutputFile = (path: string) => string | undefined;

type Json = unknown;
type Obj = Record<string, Json>;

/**
 * `folder` is how the user named the folder (for messages); `read` reads inside it. The model is
 * undefined when the folder cannot be read as iamc output; the diagnostics say why.
 */
export function modelOfOutput(folder: string, read: ReadOutputFile): { model?: AccessModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const manifestPath = join(folder, 'manifest.json');
  const manifestText = read('manifest.json');
  if (manifestText === undefined) return { diagnostics: [diagnostic('IAM0030', fileSpan(manifestPath), `cannot read \`${manifestPath}\``)] };
  const manifest = parseJson(manifestPath, manifestText, 'IAM0030', diagnostics);
  if (manifest === undefined) return { diagnostics };
  if (!isObj(manifest)) return { diagnostics: [diagnostic('IAM0030', fileSpan(manifestPath), `\`${manifestPath}\` is not an iamc manifest: it is not a JSON object`)] };
  const version = manifest['version'];
  if (!MANIFEST_VERSIONS.includes(version as 1 | 2)) {
    return {
      diagnostics: [
        diagnostic('IAM0031', fileSpan(manifestPath), `\`${manifestPath}\` has manifest version \`${JSON.stringify(version ?? null)}\`; this iamc reads versions ${MANIFEST_VERSIONS.join(' and ')}`, {
          suggestion: 'compile the intents of that side with this iamc, or diff with the iamc that wrote it',
        }),
      ],
    };
  }

  const bad = (message: string) => diagnostics.push(diagnostic('IAM0032', fileSpan(manifestPath), message));
  const entries = (key: string): Obj[] => {
    const value = manifest[key];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every(isObj)) {
      bad(`\`${key}\` in \`${manifestPath}\` is not a list of entries`);
      return [];
    }
    return value;
  };
  const text = (entry: Obj, key: string, what: string): string | undefined => {
    const value = entry[key];
    if (typeof value === 'string') return value;
    bad(`${what} in \`${manifestPath}\` has no \`${key}\` text`);
    return undefined;
  };
  const policy = (entry: Obj, key: string, what: string): PolicyDocument | undefined => {
    const path = text(entry, key, what);
    return path === undefined ? undefined : policyAt(path, what);
  };
  const policyAt = (path: string, what: string): PolicyDocument | undefined => {
    if (!insideFolder(path)) {
      bad(`\`${manifestPath}\` names \`${path}\` for ${what}, which is not a path inside the output folder`);
      return undefined;
    }
    const full = join(folder, path);
    const content = read(path);
    if (content === undefined) {
      diagnostics.push(diagnostic('IAM0033', fileSpan(full), `cannot read \`${full}\`, which the manifest names for ${what}`));
      return undefined;
    }
    const json = parseJson(full, content, 'IAM0033', diagnostics);
    if (json === undefined) return undefined;
    const doc = policyDocument(json);
    if (typeof doc === 'string') diagnostics.push(diagnostic('IAM0033', fileSpan(full), `\`${full}\` is not a policy document iamc writes: ${doc}`));
    return typeof doc === 'string' ? undefined : doc;
  };

  // Version 1 lists the Terraform files under `terraform`; a later manifest may list every file
  // under `files` (as paths, or as objects with a `path`).
  const listed = [manifest['terraform'], manifest['files']].flatMap((list) => (Array.isArray(list) ? (list as Json[]) : []));
  const terraformPaths = [...new Set(listed.map((f) => (isObj(f) ? f['path'] : f)).filter((p): p is string => typeof p === 'string' && p.endsWith('.tf') && insideFolder(p)))].sort();
  const terraformTexts = terraformPaths.map((p) => read(p)).filter((t): t is string => t !== undefined);
  const terraform = terraformTexts.length > 0 ? readTerraformBlocks(terraformTexts) : undefined;
  const notRecorded = (what: string) => ({ unknown: `manifest version ${String(version)} does not record ${what} and there is no Terraform output beside it` });

  const roles: RoleModel[] = [];
  for (const r of entries('roles')) {
    const name = text(r, 'name', 'a role');
    const account = name === undefined ? undefined : text(r, 'account', `role \`${name}\``);
    if (name === undefined || account === undefined) continue;
    const what = `role \`${name}\``;
    const trust = policy(r, 'trust', `the trust of ${what}`);
    const paths = Array.isArray(r['policies']) ? (r['policies'] as Json[]) : undefined;
    if (!paths || !paths.every((p) => typeof p === 'string')) {
      bad(`${what} in \`${manifestPath}\` has no \`policies\` list`);
      continue;
    }
    const docs = (paths as string[]).map((path) => policyAt(path, `the identity policy of ${what}`));
    if (!trust || docs.some((d) => d === undefined)) continue;
    const accountName = typeof r['accountName'] === 'string' ? r['accountName'] : undefined;
    const block = terraform && roleBlock(terraform, name, accountName);
    const boundaryPath = typeof r['boundary'] === 'string' ? r['boundary'] : undefined;
    roles.push({
      name,
      account: { id: account, ...(accountName !== undefined ? { name: accountName } : {}) },
      path: typeof r['path'] === 'string' ? r['path'] : '/',
      trust: trustGrants(trust),
      access: accessGrants(docs as PolicyDocument[]),
      // The Terraform is what is applied: an attachment added there by hand counts, whatever the manifest lists.
      managedPolicies: block ? roleManagedPolicies(terraform!, block) : (stringList(r['managedPolicies'])?.slice().sort() ?? (terraform ? { unknown: `its Terraform does not hold ${what} in a way iamc can read` } : notRecorded('managed policies'))),
      boundary: boundaryPath === undefined ? undefined : boundaryName(boundaryPath),
      maxSessionSeconds:
        typeof r['maxSessionSeconds'] === 'number'
          ? r['maxSessionSeconds']
          : block
            ? maxSession(block)
            : terraform
              ? { unknown: `its Terraform does not hold ${what} in a way iamc can read` }
              : notRecorded('maximum sessions'),
      ...optionalWhere(r['source']),
    });
  }

  const permissionSets: AccessModel['permissionSets'][number][] = [];
  for (const p of entries('permissionSets')) {
    const name = text(p, 'name', 'a permission set');
    if (name === undefined) continue;
    const what = `permission set \`${name}\``;
    const doc = policy(p, 'policy', `the inline policy of ${what}`);
    const session = typeof p['sessionDuration'] === 'string' ? sessionSeconds(p['sessionDuration']) : undefined;
    if (session === undefined) bad(`${what} in \`${manifestPath}\` has no ISO-8601 \`sessionDuration\``);
    const assignments = Array.isArray(p['assignments']) ? (p['assignments'] as Json[]).filter(isObj) : [];
    if (!doc || session === undefined) continue;
    const sets = terraform ? permissionSetFacts(terraform, name) : undefined;
    permissionSets.push({
      name,
      access: accessGrants([doc]),
      managedPolicies: stringList(p['managedPolicies'])?.map(normaliseManagedPolicy).sort() ?? sets?.managedPolicies ?? notRecorded('managed policies of permission sets'),
      // A manifest that records permission-set boundaries writes `null` for none.
      boundary: typeof p['boundary'] === 'string' ? boundaryName(p['boundary']) : p['boundary'] === null ? undefined : sets ? sets.boundary : notRecorded('boundaries of permission sets'),
      sessionSeconds: session,
      assignments: assignments.flatMap((a) =>
        (stringList(a['accounts']) ?? []).map((account) => ({ principalType: String(a['principalType']), principalId: String(a['principalId']), account })),
      ),
      ...optionalWhere(p['source']),
    });
  }

  const guardrails: AccessModel['guardrails'][number][] = [];
  for (const s of entries('scps')) {
    const name = text(s, 'name', 'a guardrail');
    if (name === undefined) continue;
    const doc = policy(s, 'policy', `guardrail \`${name}\``);
    if (!doc) continue;
    const targets = Array.isArray(s['targets']) ? (s['targets'] as Json[]).filter(isObj).map((t) => ({ kind: String(t['kind']), id: String(t['id']) })) : [];
    guardrails.push({ name, ...guardrailGrants(doc), targets, ...optionalWhere(s['source']) });
  }

  const boundaries: AccessModel['boundaries'][number][] = [];
  for (const b of entries('boundaries')) {
    const name = text(b, 'name', 'a boundary');
    if (name === undefined) continue;
    const doc = policy(b, 'policy', `boundary \`${name}\``);
    if (!doc) continue;
    boundaries.push({ name, accounts: (stringList(b['accounts']) ?? []).sort(), access: accessGrants([doc]), ...optionalWhere(b['source']) });
  }

  const analyzers: AccessModel['analyzers'][number][] = [];
  for (const a of entries('analyzers')) {
    const name = text(a, 'name', 'an analyzer');
    if (name === undefined) continue;
    const rules = Array.isArray(a['archiveRules']) ? (a['archiveRules'] as Json[]) : [];
    analyzers.push({
      name,
      type: String(a['type'] ?? ''),
      alert: a['alert'] === true,
      archiveRules: rules.flatMap((r) => {
        // Version 1 lists rule names; a richer entry carries its principal.
        const ruleName = typeof r === 'string' ? r : isObj(r) && typeof r['name'] === 'string' ? r['name'] : undefined;
        if (ruleName === undefined) return [];
        const principal: MaybeKnown<string> =
          isObj(r) && typeof r['principal'] === 'string'
            ? r['principal']
            : (terraform && archivePrincipal(terraform, name, ruleName)) ?? (terraform ? { unknown: `its Terraform has no archive rule \`${ruleName}\`` } : notRecorded('archive rule principals'));
        return [{ name: ruleName, principal }];
      }),
      ...optionalWhere(a['source']),
    });
  }

  if (diagnostics.length > 0) return { diagnostics };
  return { model: { roles, permissionSets, guardrails, boundaries, analyzers }, diagnostics };
}

function join(folder: string, path: string): string {
  return folder === '' || folder === '.' ? path : `${folder.replace(/\/+$/, '')}/${path}`;
}

/** Manifest paths are relative and stay inside the folder: a manifest cannot point `diff` elsewhere. */
function insideFolder(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !/^[A-Za-z]:/.test(path) && !path.split(/[\\/]/).includes('..');
}

function isObj(value: Json): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: Json): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])] : undefined;
}

function optionalWhere(source: Json): { source?: ReturnType<typeof whereFromText> & object } {
  const where = whereFromText(source);
  return where ? { source: where } : {};
}

function boundaryName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.json$/, '');
}

/** Strict JSON (a trailing comma is an error, as it is to AWS), located when it is not. */
function parseJson(path: string, text: string, code: 'IAM0030' | 'IAM0033', diagnostics: Diagnostic[]): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(reason);
    const offset = at ? Number(at[1]) : 0;
    const span = new LineIndex(path, text).span(offset, offset);
    diagnostics.push(diagnostic(code, span, `\`${path}\` is not valid JSON: ${reason.replace(/ in JSON at position \d+.*$/, '').replace(/^./, (c) => c.toLowerCase())}`));
    return undefined;
  }
}

/** A policy document as iamc prints it, back into the policy IR (origins unknown); a string says what is wrong. */
function policyDocument(json: Json): PolicyDocument | string {
  if (!isObj(json) || !Array.isArray(json['Statement'])) return 'it has no `Statement` list';
  const statements: Statement[] = [];
  for (const [i, s] of (json['Statement'] as Json[]).entries()) {
    if (!isObj(s) || (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny')) return `statement ${i + 1} has no \`Effect\` of \`Allow\` or \`Deny\``;
    const list = (key: string): string[] | undefined => {
      const v = s[key];
      return typeof v === 'string' ? [v] : stringList(v);
    };
    const principal = s['Principal'] === '*' ? { AWS: ['*'] } : isObj(s['Principal']) ? principalBlock(s['Principal']) : undefined;
    const conditions = isObj(s['Condition']) ? conditionClauses(s['Condition']) : [];
    if (conditions === undefined) return `statement ${i + 1} has a \`Condition\` iamc does not write`;
    const actions = list('Action');
    const notActions = list('NotAction');
    const resources = list('Resource');
    const notResources = list('NotResource');
    if (!actions && !notActions) return `statement ${i + 1} has no \`Action\``;
    statements.push({
      sid: typeof s['Sid'] === 'string' ? s['Sid'] : '',
      effect: s['Effect'],
      ...(principal ? { principal } : {}),
      ...(actions ? { actions } : {}),
      ...(notActions ? { notActions } : {}),
      ...(resources ? { resources } : {}),
      ...(notResources ? { notResources } : {}),
      conditions,
      origins: [],
    });
  }
  return { statements };
}

function principalBlock(p: Obj): PrincipalBlock {
  const of = (key: string) => {
    const v = p[key];
    return typeof v === 'string' ? [v] : (stringList(v) ?? []);
  };
  return { AWS: of('AWS'), Service: of('Service'), Federated: of('Federated') };
}

function conditionClauses(c: Obj): ConditionClause[] | undefined {
  const out: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(c)) {
    if (!isObj(block)) return undefined;
    for (const [key, value] of Object.entries(block)) {
      const values = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? [String(value)] : stringList(value);
      if (!values) return undefined;
      out.push({ operator, key, values });
    }
  }
  return out;
}

// ── facts from iamc's Terraform ─────────────────────────────────────────────────────────────

/** The role's block: by name, and by provider alias when the same name lives in several accounts. */
function roleBlock(blocks: readonly TerraformBlock[], name: string, accountName: string | undefined): TerraformBlock | undefined {
  const candidates = blocks.filter((b) => b.type === 'aws_iam_role' && hclStringValue(b.attributes.get('name')) === name);
  if (candidates.length <= 1) return candidates[0];
  if (accountName === undefined) return undefined;
  const alias = `aws.${accountName.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const byAlias = candidates.filter((b) => b.attributes.get('provider') === alias);
  return byAlias.length === 1 ? byAlias[0] : undefined;
}

function maxSession(block: TerraformBlock): MaybeKnown<number> {
  const raw = block.attributes.get('max_session_duration');
  if (raw === undefined) return DEFAULT_MAX_SESSION_SECONDS;
  return /^\d+$/.test(raw) ? Number(raw) : { unknown: `role \`${block.label}\` has a \`max_session_duration\` iamc does not write` };
}

/** Policies attached by ARN text; iamc's own documents are attached by reference and are compared already. */
function roleManagedPolicies(blocks: readonly TerraformBlock[], role: TerraformBlock): string[] {
  return blocks
    .filter((b) => b.type === 'aws_iam_role_policy_attachment' && referencedLabel(b.attributes.get('role'), 'aws_iam_role') === role.label)
    .map((b) => hclStringValue(b.attributes.get('policy_arn')))
    .filter((arn): arn is string => arn !== undefined)
    .sort();
}

function permissionSetFacts(blocks: readonly TerraformBlock[], name: string): { managedPolicies: string[]; boundary: string | undefined } | undefined {
  const set = blocks.find((b) => b.type === 'aws_ssoadmin_permission_set' && hclStringValue(b.attributes.get('name')) === name);
  if (!set) return undefined;
  const mine = (b: TerraformBlock) => referencedLabel(b.attributes.get('permission_set_arn'), 'aws_ssoadmin_permission_set') === set.label;
  const managed = blocks
    .filter((b) => b.type === 'aws_ssoadmin_managed_policy_attachment' && mine(b))
    .map((b) => hclStringValue(b.attributes.get('managed_policy_arn')) ?? '');
  const customer = blocks
    .filter((b) => b.type === 'aws_ssoadmin_customer_managed_policy_attachment' && mine(b))
    .map((b) => `${hclStringValue(b.attributes.get('path')) ?? '/'}${hclStringValue(b.attributes.get('name')) ?? ''}`);
  const boundary = blocks.find((b) => b.type === 'aws_ssoadmin_permissions_boundary_attachment' && mine(b));
  return {
    managedPolicies: [...managed.map(normaliseManagedPolicy), ...customer].sort(),
    boundary: boundary ? hclStringValue(boundary.attributes.get('name')) : undefined,
  };
}

function archivePrincipal(blocks: readonly TerraformBlock[], analyzer: string, rule: string): string | undefined {
  const analyzerBlock = blocks.find((b) => b.type === 'aws_accessanalyzer_analyzer' && hclStringValue(b.attributes.get('analyzer_name')) === analyzer);
  if (!analyzerBlock) return undefined;
  const ruleBlock = blocks.find(
    (b) =>
      b.type === 'aws_accessanalyzer_archive_rule' &&
      referencedLabel(b.attributes.get('analyzer_name'), 'aws_accessanalyzer_analyzer') === analyzerBlock.label &&
      hclStringValue(b.attributes.get('rule_name')) === rule,
  );
  // Output compiled before archive rules matched exactly wrote `contains`.
  const values = hclStringList(ruleBlock?.attributes.get('eq') ?? ruleBlock?.attributes.get('contains'));
  return values?.length === 1 ? values[0] : undefined;
}
