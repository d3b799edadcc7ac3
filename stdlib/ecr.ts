import { everything, itself, regional } from './arn.js';
import type { Pattern } from './pattern.js';

const repository = regional('ecr', 'repository', 'repository/', 'repository name, e.g. `team/app`', {
  pattern: /^[a-z0-9._/*?-]{2,256}$/,
  message: 'repository names use lowercase letters, digits and `._-/`',
});

export const ecrPatterns: readonly Pattern[] = [
  {
    id: 'ecr.pull.repository',
    service: 'ecr',
    verb: 'pull',
    resourceType: 'repository',
    doc: 'pull images from a repository',
    target: repository,
    parts: [
      {
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        on: itself,
      },
      {
        actions: ['ecr:GetAuthorizationToken'],
        on: everything,
        why: 'docker login needs a registry token, and ECR accepts this action only on `*`; the token alone reads no image',
      },
    ],
    versusCdk: 'same as `grantPull`; the token action sits alone on `*`',
  },
];
