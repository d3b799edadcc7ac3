import { arnBase, everything, NO_TARGET, regional } from './arn.js';
import type { Pattern, TargetArn } from './pattern.js';

/** Describe calls list every resource of the account and region: EC2 accepts them only on `*`. */
const DESCRIBE_WHY = 'EC2 authorises Describe calls only on `*`; they return descriptions, never data or secrets';

const vpc = regional('ec2', 'vpc', 'vpc/', 'VPC ID, e.g. `vpc-0123456789abcdef0`', {
  pattern: /^vpc-[a-f0-9]{8,17}$/,
  message: 'VPC IDs look like `vpc-0123456789abcdef0`',
});

/** `ec2:Vpc` holds the ARN of the VPC a subnet, security group or network interface is in. */
const inVpc = (t: TargetArn) => [{ operator: 'ArnEquals', key: 'ec2:Vpc', values: [t.arn] }];
const interfaces = (t: TargetArn): readonly string[] => [`${arnBase(t.arn)}network-interface/*`];

export const ec2Patterns: readonly Pattern[] = [
  {
    id: 'ec2.read.images',
    service: 'ec2',
    verb: 'read',
    resourceType: 'images',
    doc: 'describe machine images (AMIs)',
    target: NO_TARGET,
    parts: [{ actions: ['ec2:DescribeImages'], on: everything, why: DESCRIBE_WHY }],
  },
  {
    id: 'ec2.read.instances',
    service: 'ec2',
    verb: 'read',
    resourceType: 'instances',
    doc: 'describe instances and their status, in any region',
    target: NO_TARGET,
    parts: [
      {
        actions: ['ec2:DescribeInstanceStatus', 'ec2:DescribeInstances', 'ec2:DescribeRegions'],
        on: everything,
        why: `${DESCRIBE_WHY}; DescribeRegions finds the regions to look in`,
      },
    ],
  },
  {
    id: 'ec2.attach.vpc',
    service: 'ec2',
    verb: 'attach',
    resourceType: 'vpc',
    doc: 'let a Lambda function (or another service acting as the role) attach network interfaces in one VPC',
    target: vpc,
    // AWS Lambda's "Giving Lambda functions access to resources in a VPC": the function's role
    // creates, describes and deletes its network interfaces and assigns their addresses. Each
    // resource that has a VPC is held to this one with `ec2:Vpc`; the new interface has no VPC
    // key when it is created, so it is allowed by its type alone — the subnet it goes in is checked.
    parts: [
      { actions: ['ec2:CreateNetworkInterface'], on: interfaces },
      { actions: ['ec2:CreateNetworkInterface'], on: (t) => [`${arnBase(t.arn)}subnet/*`, `${arnBase(t.arn)}security-group/*`], conditions: inVpc },
      { actions: ['ec2:AssignPrivateIpAddresses', 'ec2:DeleteNetworkInterface', 'ec2:UnassignPrivateIpAddresses'], on: interfaces, conditions: inVpc },
      {
        actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
        on: everything,
        why: `${DESCRIBE_WHY}; the service looks up the interfaces and subnets it manages`,
      },
    ],
    note:
      'deleting network interfaces is part of the intent: the service removes the interfaces it created. AWS names an interface when it creates it, so the grant reaches every interface of the VPC and asks for a `because`',
  },
];
