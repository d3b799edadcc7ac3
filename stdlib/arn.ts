/**
 * Building ARNs from names. The formats are the catalogue's (`arn:${Partition}:sqs:${Region}:…`);
 * `test/stdlib/catalogue.test.ts` checks every pattern's built ARN against its resource type.
 */
import type { ArnContext, NameKind, TargetShape } from './pattern.js';

/**
 * Characters a name may never contain inside an ARN we build (they would change its meaning); the
 * private-use range is where the proof writes its restricted wildcards.
 */
const FORBIDDEN = /[\s"\\\uE000-\uF8FF]/;

/** What AWS rejects in a name, so a typo fails at compile time: a pattern and what to say. */
export interface NameRule {
  readonly pattern: RegExp;
  readonly message: string;
}

/**
 * A resource whose ARN is `arn:aws:SERVICE:REGION:ACCOUNT:` + `prefix` + name (with no region for
 * a service that has none in its ARNs: CloudFront distributions, IAM roles).
 */
function accountResource(service: string, catalogueType: string, prefix: string, nameHint: string, nameRule: NameRule | undefined, kind: NameKind, withRegion: boolean): TargetShape {
  return {
    catalogueType,
    nameHint,
    regional: withRegion,
    meaning: { kind, template: `arn:{partition}:${service}:${withRegion ? '{region}' : ''}:{account}:${prefix}{name}` },
    build: (name: string, ctx: ArnContext) => {
      const error = checkName(name, nameRule);
      if (error) return { error };
      return { arn: `arn:${ctx.partition}:${service}:${withRegion ? ctx.region : ''}:${ctx.account}:${prefix}${name}` };
    },
  };
}

/** A regional resource: `arn:aws:SERVICE:REGION:ACCOUNT:` + `prefix` + name. */
export function regional(service: string, catalogueType: string, prefix: string, nameHint: string, nameRule?: NameRule, kind: NameKind = 'flat'): TargetShape {
  return accountResource(service, catalogueType, prefix, nameHint, nameRule, kind, true);
}

/** A resource whose ARN names the account but no region: `arn:aws:SERVICE::ACCOUNT:` + `prefix` + name. */
export function global(service: string, catalogueType: string, prefix: string, nameHint: string, nameRule?: NameRule, kind: NameKind = 'flat'): TargetShape {
  return accountResource(service, catalogueType, prefix, nameHint, nameRule, kind, false);
}

export function checkName(name: string, rule?: NameRule): string | undefined {
  if (name.length === 0) return 'a name cannot be empty';
  if (FORBIDDEN.test(name)) return 'a name cannot contain spaces, quotes or backslashes';
  if (rule && !rule.pattern.test(name)) return rule.message;
  return undefined;
}

/** The target ARN itself. */
export const itself = (t: { arn: string }): readonly string[] => [t.arn];

/** Only `*`: for actions AWS accepts only on `*` (the part must say why). */
export const everything = (): readonly string[] => ['*'];

/**
 * A pattern that takes no target (`write xray traces`): each of its parts is on `*` with a reason.
 * `catalogueType` is empty: there is no resource to check a name against.
 */
export const NO_TARGET: TargetShape = {
  form: 'none',
  catalogueType: '',
  nameHint: 'no target',
  regional: false,
  meaning: { kind: 'flat', template: '*' },
  build: () => ({ arn: '*' }),
};

/**
 * A target that becomes a condition (`write cloudwatch metrics NAMESPACE`): the parts are on `*`
 * and each narrows itself with `conditions(t)` on `t.written`. `nameRule` validates the value.
 */
export function conditionTarget(nameHint: string, nameRule?: NameRule): TargetShape {
  return {
    form: 'condition',
    catalogueType: '',
    nameHint,
    regional: false,
    meaning: { kind: 'flat', template: '*' },
    build: (name: string) => {
      const error = checkName(name, nameRule);
      return error ? { error } : { arn: '*' };
    },
  };
}

/** One part of a compound name (`CLUSTER/SERVICE`): what it is called in messages, and its rule. */
export interface NamePart {
  readonly label: string;
  readonly pattern: RegExp;
  readonly message: string;
}

/**
 * A regional resource named by several `/`-separated parts (`CLUSTER/SERVICE`, `DOMAIN/REPOSITORY`),
 * each validated on its own so a message says which part is wrong. The ARN is `prefix` + the name;
 * its meaning is `segment`: a wildcard stays inside its part.
 */
export function compound(service: string, catalogueType: string, prefix: string, nameHint: string, parts: readonly NamePart[]): TargetShape {
  return {
    catalogueType,
    nameHint,
    regional: true,
    meaning: { kind: 'segment', template: `arn:{partition}:${service}:{region}:{account}:${prefix}{name}` },
    build: (name: string, ctx: ArnContext) => {
      const base = checkName(name);
      if (base) return { error: base };
      const written = name.split('/');
      if (written.length !== parts.length) {
        return { error: `write the name as \`${parts.map((p) => p.label.toUpperCase().replace(/ /g, '-')).join('/')}\`: ${parts.length} parts separated by \`/\`` };
      }
      for (const [i, part] of parts.entries()) {
        if (!part.pattern.test(written[i]!)) return { error: `the ${part.label} \`${written[i]}\`: ${part.message}` };
      }
      return { arn: `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account}:${prefix}${name}` };
    },
  };
}

/** The `arn:PARTITION:SERVICE:REGION:ACCOUNT:` an ARN begins with (its first five fields and their colons). */
export function arnBase(arn: string): string {
  let at = 0;
  for (let i = 0; i < 5; i++) at = arn.indexOf(':', at) + 1;
  return arn.slice(0, at);
}

/**
 * `${…}` in a name is an IAM policy variable: IAM replaces it with a value from the request's
 * context (a principal or session tag, the user name), so the grant would reach whatever that value
 * says, not the characters written. A pattern's name means only what is written.
 */
export function policyVariableError(name: string): string | undefined {
  return name.includes('${')
    ? '`${…}` is an IAM policy variable: the grant would reach whatever the request\'s context puts there, not the name written; name the resource, or write an `allow` with `because`'
    : undefined;
}
