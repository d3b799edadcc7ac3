import { arnBase, compound, everything, itself } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

const NAME = /^[a-z0-9*?][a-z0-9*?._-]{0,99}$/;

const repository = compound('codeartifact', 'repository', 'repository/', 'domain/repository, e.g. `acme/npm-store`', [
  { label: 'domain', pattern: /^[a-z0-9*?][a-z0-9*?-]{0,49}$/, message: 'domain names are up to 50 lowercase letters, digits and `-`' },
  { label: 'repository', pattern: NAME, message: 'repository names are up to 100 letters, digits and `._-`' },
]);

/** The domain the repository belongs to: the token is issued per domain. */
const domainOf = (t: TargetArn): readonly string[] => {
  const resource = t.arn.slice(arnBase(t.arn).length + 'repository/'.length);
  return [`${arnBase(t.arn)}domain/${resource.slice(0, resource.indexOf('/'))}`];
};

export const codeartifactPatterns: readonly Pattern[] = [
  {
    id: 'codeartifact.read.repository',
    service: 'codeartifact',
    verb: 'read',
    resourceType: 'repository',
    doc: 'install packages from a repository (`npm`, `pip`, `mvn` through `aws codeartifact login`)',
    target: repository,
    parts: [
      { actions: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], on: itself },
      { actions: ['codeartifact:GetAuthorizationToken'], on: domainOf },
      {
        actions: ['sts:GetServiceBearerToken'],
        on: everything,
        conditions: () => [{ operator: 'StringEquals', key: 'sts:AWSServiceName', values: ['codeartifact.amazonaws.com'] }],
        why: 'CodeArtifact\'s token is an STS bearer token, and STS accepts this action only on `*`; the condition limits it to CodeArtifact',
      },
    ],
  },
];
