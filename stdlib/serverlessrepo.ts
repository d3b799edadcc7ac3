import { everything, itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const application = regional('serverlessrepo', 'applications', 'applications/', 'application name', {
  pattern: /^[A-Za-z0-9*?-]{1,140}$/,
  message: 'application names are up to 140 letters, digits and `-`',
});

export const serverlessrepoPatterns: readonly Pattern[] = [
  {
    id: 'serverlessrepo.write.application',
    service: 'serverlessrepo',
    verb: 'write',
    resourceType: 'application',
    doc: 'publish an application and new versions of it',
    target: application,
    parts: [
      {
        actions: [
          'serverlessrepo:CreateApplicationVersion',
          'serverlessrepo:GetApplication',
          'serverlessrepo:ListApplicationDependencies',
          'serverlessrepo:ListApplicationVersions',
          'serverlessrepo:UpdateApplication',
        ],
        on: itself,
      },
      {
        actions: ['serverlessrepo:CreateApplication', 'serverlessrepo:ListApplications'],
        on: everything,
        why: 'the Serverless Application Repository accepts creating and listing applications only on `*` (a new application has no ARN yet)',
      },
    ],
  },
];
