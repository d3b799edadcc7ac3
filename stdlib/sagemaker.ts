import { arnBase, itself, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

/** SageMaker writes names into ARNs in lowercase (`MyEndpoint` is `endpoint/myendpoint`): so must a grant. */
const RULE = { pattern: /^[a-z0-9*?][a-z0-9*?-]{0,62}$/, message: 'SageMaker names are up to 63 letters, digits and `-`, and its ARNs hold them in lowercase: write the name in lowercase' };
const endpointConfig = regional('sagemaker', 'endpoint-config', 'endpoint-config/', 'endpoint configuration name', RULE);
const endpoint = regional('sagemaker', 'endpoint', 'endpoint/', 'endpoint name', RULE);

/**
 * Creating or updating an endpoint is checked on the endpoint and on the configuration it is given:
 * the one `config` names, or the configuration named like the endpoint.
 */
const endpointAndConfig = (t: TargetArn): readonly string[] => {
  const config = t.options?.config ?? t.arn.slice(t.arn.lastIndexOf('/') + 1);
  return [t.arn, `${arnBase(t.arn)}endpoint-config/${config}`];
};

export const sagemakerPatterns: readonly Pattern[] = [
  {
    id: 'sagemaker.write.endpoint-config',
    service: 'sagemaker',
    verb: 'write',
    resourceType: 'endpoint-config',
    doc: 'create an endpoint configuration and read it back',
    target: endpointConfig,
    parts: [{ actions: ['sagemaker:CreateEndpointConfig', 'sagemaker:DescribeEndpointConfig'], on: itself }],
    note: 'the configuration may name any model of the account, and so any model\'s execution role once an endpoint serves it: hold the models with `sagemaker:ModelArn` in an `allow` where that matters',
  },
  {
    id: 'sagemaker.write.endpoint',
    service: 'sagemaker',
    verb: 'write',
    resourceType: 'endpoint',
    doc: 'create or update an endpoint from one configuration (`config NAME`; default: the endpoint\'s own name)',
    target: endpoint,
    options: { config: { hint: 'endpoint configuration name', check: (v) => (RULE.pattern.test(v) ? undefined : RULE.message) } },
    parts: [
      { actions: ['sagemaker:CreateEndpoint', 'sagemaker:UpdateEndpoint'], on: endpointAndConfig },
      { actions: ['sagemaker:DescribeEndpoint'], on: itself },
    ],
  },
];
