import { arnBase, itself, regional } from './arn.js';
import type { Pattern, PatternOption, TargetArn } from './pattern.js';

const fileSystem = regional('elasticfilesystem', 'file-system', 'file-system/', 'file system ID, e.g. `fs-0123456789abcdef0`', {
  pattern: /^fs-[a-f0-9*?]{1,40}$|^\*$/,
  message: 'file system IDs look like `fs-0123456789abcdef0`',
});

const accessPoint: PatternOption = {
  hint: 'access point ID, e.g. `fsap-0123456789abcdef0`',
  check: (v) => (/^fsap-[a-f0-9]{8,40}$/.test(v) ? undefined : 'access point IDs look like `fsap-0123456789abcdef0`'),
};

/** With `access-point ID`, the mount must come through that access point (its ARN is what EFS compares). */
function throughAccessPoint(t: TargetArn) {
  const id = t.options?.['access-point'];
  return id === undefined ? [] : [{ operator: 'StringEquals', key: 'elasticfilesystem:AccessPointArn', values: [`${arnBase(t.arn)}access-point/${id}`] }];
}

export const elasticfilesystemPatterns: readonly Pattern[] = [
  {
    id: 'elasticfilesystem.read.file-system',
    service: 'elasticfilesystem',
    verb: 'read',
    resourceType: 'file-system',
    doc: 'mount a file system read-only (`access-point ID` limits it to one access point)',
    target: fileSystem,
    options: { 'access-point': accessPoint },
    parts: [{ actions: ['elasticfilesystem:ClientMount'], on: itself, conditions: throughAccessPoint }],
    versusCdk: 'same as `grantRead`',
  },
  {
    id: 'elasticfilesystem.mount.file-system',
    service: 'elasticfilesystem',
    verb: 'mount',
    resourceType: 'file-system',
    doc: 'mount a file system read-write (`access-point ID` limits it to one access point)',
    target: fileSystem,
    options: { 'access-point': accessPoint },
    parts: [{ actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], on: itself, conditions: throughAccessPoint }],
    versusCdk: 'same as `grantReadWrite`; `grantRootAccess` is refused (root on the file system ignores every file\'s owner)',
    note: 'without root access: files are read and written as the POSIX user the client (or the access point) presents',
  },
];
