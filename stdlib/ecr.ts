import { everything, itself, regional } from './arn.js';
import type { Pattern, PatternPart } from './pattern.js';

const repository = regional('ecr', 'repository', 'repository/', 'repository name, e.g. `team/app`', {
  pattern: /^[a-z0-9._/*?-]{2,256}$/,
  message: 'repository names use lowercase letters, digits and `._-/`',
});

/** Every registry client logs in first; the token alone reads and writes no image. */
const registryToken: PatternPart = {
  actions: ['ecr:GetAuthorizationToken'],
  on: everything,
  why: 'docker login needs a registry token, and ECR accepts this action only on `*`; the token alone reads no image',
};

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
      registryToken,
    ],
    versusCdk: 'same as `grantPull`; the token action sits alone on `*`',
  },
  {
    id: 'ecr.push.repository',
    service: 'ecr',
    verb: 'push',
    resourceType: 'repository',
    doc: 'push images to a repository (`docker push`)',
    target: repository,
    // The actions of AWS's "IAM permissions for pushing an image" (ECR User Guide, image-push-iam):
    // BatchGetImage is there because a push reads back the manifest of a tag it replaces.
    parts: [
      {
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:CompleteLayerUpload', 'ecr:InitiateLayerUpload', 'ecr:PutImage', 'ecr:UploadLayerPart'],
        on: itself,
      },
      registryToken,
    ],
    versusCdk: '`grantPush` without `ecr:BatchGetImage`, which AWS lists for a push; `grantPullPush` is `pull` and `push` together',
    note: 'a push can overwrite a mutable tag; make the repository\'s tags immutable where that matters',
  },
  {
    id: 'ecr.read.repository',
    service: 'ecr',
    verb: 'read',
    resourceType: 'repository',
    doc: 'describe a repository and list its images, without pulling them',
    target: repository,
    parts: [{ actions: ['ecr:DescribeImages', 'ecr:DescribeRepositories', 'ecr:ListImages'], on: itself }],
    versusCdk: '`grantRead` plus `ecr:ListImages`',
  },
];
