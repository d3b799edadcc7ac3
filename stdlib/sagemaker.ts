import { itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const RULE = { pattern: /^[A-Za-z0-9*?][A-Za-z0-9*?-]{0,62}$/, message: 'SageMaker names are up to 63 letters, digits and `-`' };
const endpointConfig = regional('sagemaker', 'endpoint-config', 'endpoint-config/', 'endpoint configuration name', RULE);

export const sagemakerPatterns: readonly Pattern[] = [
  {
    id: 'sagemaker.write.endpoint-config',
    service: 'sagemaker',
    verb: 'write',
    resourceType: 'endpoint-config',
    doc: 'create an endpoint configuration and read it back',
    target: endpointConfig,
    parts: [{ actions: ['sagemaker:CreateEndpointConfig', 'sagemaker:DescribeEndpointConfig'], on: itself }],
  },
];
