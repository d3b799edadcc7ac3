/**
 * Each AWS SAM policy template and each AWS CDK grant method (sam-templates.json, cdk-grants.json)
 * → the iamc grants that say the same intent, with sample names, or the reason iamc refuses it.
 * `compare.ts` compiles the grants and diffs their actions against the template's or method's;
 * `why` explains a difference the comparison cannot classify by itself (keyed by action).
 */
export interface CoverageEntry {
  /** The template name, or `Class.method` as in cdk-grants.json. */
  readonly id: string;
  /** iamc source lines, each a grant inside a role. */
  readonly grants?: readonly string[];
  /** Why no grant expresses this: the intent cannot be said least-privilege. */
  readonly refused?: string;
  readonly why?: Readonly<Record<string, string>>;
  /** A difference in the resources or conditions, which the action comparison does not show. */
  readonly note?: string;
}

const KEY = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** The same reason for several actions. */
const explain = (actions: readonly string[], why: string): Record<string, string> => Object.fromEntries(actions.map((a) => [a, why]));

// Reasons shared by several entries.
const FULL_ACCESS = 'full access is not an intent: write the reads, writes and deletes you need';
const ADMIN = 'administering the resource (its policy, lifecycle and deletion) is not an application intent: write the administrative actions with `allow … because`';

export const SAM_MAPPING: readonly CoverageEntry[] = [
  { id: 'AMIDescribePolicy', grants: ['read ec2 images'] },
  {
    id: 'AWSSecretsManagerGetSecretValuePolicy',
    grants: ['read secretsmanager secret "prod/db"'],
    why: {
      'secretsmanager:DescribeSecret': 'secret caches describe the secret for its version stages (CDK\'s grantRead has it)',
    },
  },
  { id: 'AWSSecretsManagerRotationPolicy', grants: ['rotate secretsmanager secret "prod/db"'], note: 'SAM grants every secret (`secret:*`) whose rotation function is this one; iamc names the secret' },
  {
    id: 'AcmGetCertificatePolicy',
    grants: ['read acm certificate "12345678-1234-1234-1234-123456789012"'],
    why: { 'acm:DescribeCertificate': 'the certificate\'s status and expiry, read with it' },
  },
  {
    id: 'AthenaQueryPolicy',
    grants: ['query athena workgroup "analytics"'],
    why: {
      ...explain(['athena:BatchGetNamedQuery', 'athena:CreateNamedQuery', 'athena:DeleteNamedQuery', 'athena:GetNamedQuery', 'athena:ListNamedQueries'], 'saved queries are managed, not run: not part of querying'),
      ...explain(['athena:BatchGetQueryExecution', 'athena:ListQueryExecutions'], 'lists and reads every query of the workgroup, other callers\' too; a caller follows its own with GetQueryExecution'),
      'athena:GetQueryResultsStream': 'the JDBC and ODBC drivers\' streaming fetch; SDK callers use GetQueryResults',
    },
  },
  {
    id: 'CloudFormationDescribeStacksPolicy',
    grants: ['read cloudformation stack "app-*"'],
    why: explain(['cloudformation:DescribeStackEvents', 'cloudformation:DescribeStackResources'], 'a stack\'s events and resources, read with its outputs when following a deployment'),
  },
  { id: 'CloudWatchDashboardPolicy', grants: ['write cloudwatch dashboard "ops"', 'read cloudwatch metrics'] },
  { id: 'CloudWatchDescribeAlarmHistoryPolicy', grants: ['read cloudwatch alarm "orders-backlog"'] },
  { id: 'CloudWatchPutMetricPolicy', grants: ['write cloudwatch metrics "App/Orders"'] },
  {
    id: 'CodeCommitCrudPolicy',
    grants: ['read codecommit repository "infra"', 'push codecommit repository "infra"'],
    why: {
      ...explain(['codecommit:CreateBranch', 'codecommit:DeleteBranch', 'codecommit:UpdateDefaultBranch', 'codecommit:MergeBranchesByFastForward', 'codecommit:MergeBranchesBySquash', 'codecommit:MergeBranchesByThreeWay', 'codecommit:CreateUnreferencedMergeCommit', 'codecommit:CreateCommit', 'codecommit:PutFile', 'codecommit:DeleteFile'], 'changing branches and files through the API rather than git: `push` is git\'s push'),
      ...explain(['codecommit:CreatePullRequest', 'codecommit:MergePullRequestByFastForward', 'codecommit:MergePullRequestBySquash', 'codecommit:MergePullRequestByThreeWay', 'codecommit:UpdatePullRequestDescription', 'codecommit:UpdatePullRequestStatus', 'codecommit:UpdatePullRequestTitle', 'codecommit:PostCommentForComparedCommit', 'codecommit:PostCommentForPullRequest', 'codecommit:PostCommentReply', 'codecommit:UpdateComment', 'codecommit:DeleteCommentContent'], 'reviewing and merging pull requests is a person\'s work, not an application\'s'),
      ...explain(['codecommit:PutRepositoryTriggers', 'codecommit:TestRepositoryTriggers', 'codecommit:TagResource', 'codecommit:UntagResource', 'codecommit:UpdateRepositoryDescription'], 'repository administration: triggers, tags and description'),
      ...explain(['codecommit:UploadArchive', 'codecommit:CancelUploadArchive'], 'archive uploads of CodePipeline\'s source action, not git'),
      'codecommit:EvaluatePullRequestApprovalRules': 'whether a pull request\'s approval rules are met: a read (CDK\'s grantRead has it)',
    },
  },
  {
    id: 'CodeCommitReadPolicy',
    grants: ['read codecommit repository "infra"'],
    why: {
      'codecommit:TestRepositoryTriggers': 'runs the repository\'s triggers: not a read',
      'codecommit:EvaluatePullRequestApprovalRules': 'whether a pull request\'s approval rules are met: a read (CDK\'s grantRead has it)',
    },
  },
  { id: 'CodePipelineLambdaExecutionPolicy', grants: ['respond codepipeline jobs'] },
  {
    id: 'CodePipelineReadOnlyPolicy',
    grants: ['read codepipeline pipeline "release"'],
    why: explain(['codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState'], 'the pipeline, its state and each execution: what a reader of its executions asks next'),
  },
  { id: 'ComprehendBasicAccessPolicy', grants: ['detect comprehend text'] },
  { id: 'CostExplorerReadOnlyPolicy', grants: ['read ce costs'] },
  {
    id: 'DynamoDBBackupFullAccessPolicy',
    grants: ['backup dynamodb table "orders"'],
    why: { 'dynamodb:DeleteBackup': 'deleting backups is a delete, never part of taking them' },
  },
  {
    id: 'DynamoDBCrudPolicy',
    grants: ['read dynamodb table "orders"', 'write dynamodb table "orders"', 'delete dynamodb items "orders"'],
  },
  {
    id: 'DynamoDBReadPolicy',
    grants: ['read dynamodb table "orders"'],
    why: { 'dynamodb:ConditionCheckItem': 'the condition check of a transaction: a read of one item' },
  },
  {
    id: 'DynamoDBReconfigurePolicy',
    refused: 'UpdateTable changes capacity, indexes, streams and deletion protection at once: not one intent; write it with `allow … because`',
  },
  {
    id: 'DynamoDBRestoreFromBackupPolicy',
    refused: 'restoring writes a whole table from a backup: an operator\'s recovery, not an application intent; write it with `allow … because`',
  },
  { id: 'DynamoDBStreamReadPolicy', grants: ['read dynamodb stream "orders"'] },
  {
    id: 'DynamoDBWritePolicy',
    grants: ['write dynamodb table "orders"'],
    why: {
      'dynamodb:ConditionCheckItem': 'the condition check of a transaction (TransactWriteItems), which writers use',
      'dynamodb:DescribeTable': 'object mappers and batch writers read the table\'s key schema (CDK\'s grantWriteData has it)',
    },
  },
  {
    id: 'EC2CopyImagePolicy',
    refused: 'copying an image creates AMIs and snapshots the account pays for and must clean up: image-pipeline administration; write it with `allow … because`',
  },
  { id: 'EC2DescribePolicy', grants: ['read ec2 instances'] },
  {
    id: 'EFSWriteAccessPolicy',
    grants: ['mount elasticfilesystem file-system "fs-0123456789abcdef0" access-point "fsap-0123456789abcdef0"'],
  },
  { id: 'EKSDescribePolicy', grants: ['read eks cluster "prod"'] },
  { id: 'EcsRunTaskPolicy', grants: ['run ecs task "nightly-report"'], note: 'every revision of the task definition family; SAM names one revision' },
  {
    id: 'ElasticMapReduceAddJobFlowStepsPolicy',
    grants: ['run elasticmapreduce steps "j-2AXXXXXXGAPLF"'],
    why: explain(['elasticmapreduce:CancelSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:ListSteps'], '`run elasticmapreduce steps` also follows and cancels the steps it adds'),
  },
  {
    id: 'ElasticMapReduceCancelStepsPolicy',
    grants: ['run elasticmapreduce steps "j-2AXXXXXXGAPLF"'],
    why: explain(['elasticmapreduce:AddJobFlowSteps', 'elasticmapreduce:DescribeStep', 'elasticmapreduce:ListSteps'], 'one verb for a cluster\'s steps: a caller that cancels steps lists them, and `run` adds them too'),
  },
  {
    id: 'ElasticMapReduceModifyInstanceFleetPolicy',
    grants: ['write elasticmapreduce cluster "j-2AXXXXXXGAPLF"'],
    why: explain(['elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ModifyInstanceGroups', 'elasticmapreduce:SetTerminationProtection'], 'one intent for a running cluster\'s shape: resizing fleets or groups and its termination protection, with the reads that show the current shape'),
  },
  {
    id: 'ElasticMapReduceModifyInstanceGroupsPolicy',
    grants: ['write elasticmapreduce cluster "j-2AXXXXXXGAPLF"'],
    why: explain(['elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListInstanceFleets', 'elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:SetTerminationProtection'], 'one intent for a running cluster\'s shape: resizing fleets or groups and its termination protection, with the reads that show the current shape'),
  },
  {
    id: 'ElasticMapReduceSetTerminationProtectionPolicy',
    grants: ['write elasticmapreduce cluster "j-2AXXXXXXGAPLF"'],
    why: explain(['elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListInstanceFleets', 'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ModifyInstanceFleet', 'elasticmapreduce:ModifyInstanceGroups'], 'one intent for a running cluster\'s shape: resizing fleets or groups and its termination protection, with the reads that show the current shape'),
  },
  { id: 'ElasticMapReduceTerminateJobFlowsPolicy', grants: ['delete elasticmapreduce cluster "j-2AXXXXXXGAPLF"'] },
  {
    id: 'ElasticsearchHttpPostPolicy',
    grants: ['write es domain "search"'],
    why: { 'es:ESHttpPatch': 'PATCH updates documents and settings as PUT does; `write` is every method that does not delete' },
  },
  { id: 'EventBridgePutEventsPolicy', grants: ['put-events events bus "orders-bus"'] },
  {
    id: 'FilterLogEventsPolicy',
    grants: ['read logs group "/aws/lambda/processor"'],
    why: explain(['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:GetLogGroupFields', 'logs:GetLogRecord', 'logs:GetQueryResults', 'logs:StartLiveTail', 'logs:StartQuery'], '`read logs group` reads the group\'s events every way the console and CLI do: per stream, Logs Insights and the records its results point to, live tail'),
  },
  {
    id: 'FirehoseCrudPolicy',
    grants: ['write firehose delivery-stream "clicks"'],
    why: {
      ...explain(['firehose:CreateDeliveryStream', 'firehose:DeleteDeliveryStream', 'firehose:UpdateDestination'], 'delivery stream administration, not putting records'),
      'firehose:DescribeDeliveryStream': 'the stream\'s configuration: not needed to put records',
    },
  },
  { id: 'FirehoseWritePolicy', grants: ['write firehose delivery-stream "clicks"'] },
  { id: 'KMSDecryptPolicy', grants: [`decrypt kms key "${KEY}"`] },
  {
    id: 'KMSEncryptPolicy',
    grants: [`encrypt kms key "${KEY}"`],
    why: explain(['kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'], 'envelope encryption, how SDKs encrypt more than 4 KB, asks KMS for a data key'),
  },
  {
    id: 'KMSEncryptPolicy_v2',
    grants: [`encrypt kms key "${KEY}"`],
    why: explain(['kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext'], 'asymmetric data key pairs, for encrypting or signing outside AWS: a different intent'),
  },
  {
    id: 'KinesisCrudPolicy',
    grants: ['read kinesis stream "clicks"', 'write kinesis stream "clicks"'],
    why: {
      ...explain(['kinesis:AddTagsToStream', 'kinesis:CreateStream', 'kinesis:DecreaseStreamRetentionPeriod', 'kinesis:DeleteStream', 'kinesis:IncreaseStreamRetentionPeriod', 'kinesis:ListTagsForStream', 'kinesis:MergeShards', 'kinesis:RemoveTagsFromStream', 'kinesis:SplitShard'], 'stream administration (creation, deletion, shards, retention, tags), not reading or writing records'),
      'kinesis:GetRecords': 'reading records, which SAM\'s template leaves out although it grants GetShardIterator',
      'kinesis:ListShards': 'how KCL 2 and Lambda find a stream\'s shards',
      ...explain(['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], 'enhanced fan-out reads, on the stream\'s consumers'),
    },
  },
  {
    id: 'KinesisStreamReadPolicy',
    grants: ['read kinesis stream "clicks"'],
    why: {
      'kinesis:ListShards': 'how KCL 2 and Lambda find a stream\'s shards',
      ...explain(['kinesis:DescribeStreamConsumer', 'kinesis:SubscribeToShard'], 'enhanced fan-out reads, on the stream\'s consumers'),
    },
  },
  { id: 'LambdaInvokePolicy', grants: ['invoke lambda function "processor"'], note: 'SAM grants `function:NAME*`, every function whose name starts with NAME; iamc names one function' },
  { id: 'MobileAnalyticsWriteOnlyAccessPolicy', grants: ['write mobileanalytics events'] },
  { id: 'OrganizationsListAccountsPolicy', grants: ['read organizations accounts'] },
  { id: 'PinpointEndpointAccessPolicy', grants: ['write mobiletargeting endpoints "0123456789abcdef0123456789abcdef"'] },
  {
    id: 'PollyFullAccessPolicy',
    grants: ['synthesize polly speech'],
    why: explain(['polly:GetLexicon', 'polly:DeleteLexicon', 'polly:PutLexicon', 'polly:ListLexicons'], 'lexicon administration, the "full access" part: not turning text into speech'),
  },
  { id: 'RekognitionDetectOnlyPolicy', grants: ['detect rekognition images'] },
  {
    id: 'RekognitionFacesManagementPolicy',
    grants: [
      'write rekognition collection "employees"',
      'read rekognition collection "employees"',
      'delete rekognition faces "employees"',
    ],
    why: { 'rekognition:DescribeCollection': 'the collection\'s face count and model version: a read' },
  },
  { id: 'RekognitionFacesPolicy', grants: ['detect rekognition images'] },
  { id: 'RekognitionLabelsPolicy', grants: ['detect rekognition images'] },
  { id: 'RekognitionNoDataAccessPolicy', grants: ['detect rekognition images'] },
  {
    id: 'RekognitionReadPolicy',
    grants: ['read rekognition collection "employees"'],
    why: { 'rekognition:DescribeCollection': 'the collection\'s face count and model version: a read' },
  },
  { id: 'RekognitionWriteOnlyAccessPolicy', grants: ['write rekognition collection "employees"'] },
  {
    id: 'Route53ChangeResourceRecordSetsPolicy',
    grants: ['write route53 records "Z1D633PJN98FT9"'],
    why: { 'route53:ListResourceRecordSets': 'an upserting client lists the zone\'s records to compare' },
  },
  {
    id: 'S3CrudPolicy',
    grants: ['read s3 bucket "reports-bucket"', 'write s3 bucket "reports-bucket"', 'delete s3 objects "reports-bucket/*"'],
    why: {
      's3:GetLifecycleConfiguration': 'the bucket\'s lifecycle rules are its configuration, not its content',
      's3:PutLifecycleConfiguration': 'an expiration rule makes S3 delete objects: bucket administration, not writing',
      's3:PutObjectAcl': 'object ACLs can make objects public: iamc never grants it',
      's3:AbortMultipartUpload': 'an SDK aborts a multipart upload it cannot finish (CDK\'s grantPut has it)',
      's3:PutObjectTagging': 'an upload that carries tags needs it',
    },
  },
  { id: 'S3FullAccessPolicy', refused: FULL_ACCESS },
  {
    id: 'S3ReadPolicy',
    grants: ['read s3 bucket "reports-bucket"'],
    why: { 's3:GetLifecycleConfiguration': 'the bucket\'s lifecycle rules are its configuration, not its content' },
  },
  {
    id: 'S3WritePolicy',
    grants: ['write s3 bucket "reports-bucket"'],
    why: {
      's3:PutLifecycleConfiguration': 'an expiration rule makes S3 delete objects: bucket administration, not writing',
      's3:PutObjectAcl': 'object ACLs can make objects public: iamc never grants it',
      's3:AbortMultipartUpload': 'an SDK aborts a multipart upload it cannot finish (CDK\'s grantPut has it)',
      's3:PutObjectTagging': 'an upload that carries tags needs it',
    },
  },
  {
    id: 'SESBulkTemplatedCrudPolicy',
    grants: ['send ses identity "example.com" template "welcome"'],
    why: { 'ses:SendBulkEmail': 'the SES v2 bulk send, which sends one template to many recipients' },
  },
  {
    id: 'SESBulkTemplatedCrudPolicy_v2',
    grants: ['send ses identity "example.com" template "welcome"'],
    why: { 'ses:SendBulkEmail': 'the SES v2 bulk send, which sends one template to many recipients' },
  },
  { id: 'SESCrudPolicy', grants: ['send ses identity "example.com"'] },
  {
    id: 'SESEmailTemplateCrudPolicy',
    grants: ['read ses template "welcome"', 'write ses template "welcome"', 'delete ses template "welcome"'],
    why: explain(['ses:CreateEmailTemplate', 'ses:DeleteEmailTemplate', 'ses:GetEmailTemplate', 'ses:TestRenderEmailTemplate', 'ses:UpdateEmailTemplate'], 'the SES v2 template actions, on the template\'s ARN; SAM grants the v1 ones on `*`'),
  },
  {
    id: 'SESSendBouncePolicy',
    refused: 'SendBounce is SES v1\'s call for bouncing received mail, rare in applications: write `allow "ses:SendBounce" on "arn:…:identity/NAME" because …`',
  },
  {
    id: 'SNSCrudPolicy',
    grants: ['publish sns topic "alerts"', 'subscribe sns topic "alerts"'],
    why: {
      ...explain(['sns:CreateTopic', 'sns:SetTopicAttributes'], 'creating and configuring topics is administration'),
      'sns:ListSubscriptionsByTopic': 'shows who receives the topic: needed neither to publish nor to subscribe',
    },
    note: 'SAM grants `TOPIC*`, every topic whose name starts with the name; iamc names one topic',
  },
  { id: 'SNSPublishMessagePolicy', grants: ['publish sns topic "alerts"'] },
  {
    id: 'SQSPollerPolicy',
    grants: ['consume sqs queue "orders"'],
    why: { 'sqs:GetQueueUrl': 'SDKs and frameworks turn a queue\'s name into its URL before any other call' },
  },
  {
    id: 'SQSSendMessagePolicy',
    grants: ['send sqs queue "orders"'],
    why: {
      'sqs:GetQueueUrl': 'SDKs and frameworks turn a queue\'s name into its URL before any other call',
      'sqs:GetQueueAttributes': 'producers read a queue\'s attributes (FIFO, encryption) before sending',
    },
  },
  {
    id: 'SSMParameterReadPolicy',
    grants: ['read ssm parameter "db-password"'],
    why: {
      'ssm:GetParametersByPath': 'a single name is not a path: only a target that means a whole path (`/app/prod/*`) is read by path',
      'ssm:GetParameterHistory': 'earlier values of the parameter (CDK\'s grantRead has it; the pattern\'s note says what it returns)',
    },
  },
  {
    id: 'SSMParameterWithSlashPrefixReadPolicy',
    grants: ['read ssm parameter "/app/prod/*"'],
    why: {
      'ssm:GetParameterHistory': 'earlier values of the parameter (CDK\'s grantRead has it; the pattern\'s note says what it returns)',
    },
  },
  {
    id: 'SageMakerCreateEndpointConfigPolicy',
    grants: ['write sagemaker endpoint-config "model-v2"'],
    why: { 'sagemaker:DescribeEndpointConfig': 'reads back the configuration it created' },
  },
  {
    id: 'SageMakerCreateEndpointPolicy',
    grants: ['write sagemaker endpoint "scoring"'],
    why: {
      'sagemaker:UpdateEndpoint': 'a deployment moves an existing endpoint to a new configuration',
      'sagemaker:DescribeEndpoint': 'follows the endpoint until it is in service',
    },
  },
  { id: 'ServerlessRepoReadWriteAccessPolicy', grants: ['write serverlessrepo application "my-app"'] },
  { id: 'StepFunctionsCallbackPolicy', grants: ['respond states state-machine "order-flow"'] },
  { id: 'StepFunctionsExecutionPolicy', grants: ['start-execution states state-machine "order-flow"'] },
  {
    id: 'StepFunctionsExecutionPolicy_v2',
    grants: ['run states state-machine "order-flow"'],
    why: explain(['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'], '`run` follows and stops the executions it starts'),
  },
  { id: 'TextractDetectAnalyzePolicy', grants: ['analyze textract documents'] },
  { id: 'TextractGetResultPolicy', grants: ['analyze textract documents'] },
  { id: 'TextractPolicy', grants: ['analyze textract documents'] },
  {
    id: 'VPCAccessPolicy',
    grants: ['attach ec2 vpc "vpc-0123456789abcdef0" because "Lambda names the network interfaces it creates"'],
    why: {
      'ec2:DetachNetworkInterface': 'acts on an instance\'s attachment: Lambda detaches its own interfaces as the service',
      ...explain(['ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'], 'Lambda manages the addresses of the interfaces it attaches'),
      'ec2:DescribeSubnets': 'the function\'s subnets are checked when it is attached to the VPC',
    },
  },
];

export const CDK_MAPPING: readonly CoverageEntry[] = [
  { id: 'Bucket.grantRead', grants: ['read s3 bucket "reports-bucket"'] },
  {
    id: 'Bucket.grantWrite',
    grants: ['write s3 bucket "reports-bucket"', 'delete s3 objects "reports-bucket/*"'],
    why: {
      's3:PutObjectLegalHold': 'legal hold is a compliance control, not writing',
      's3:PutObjectRetention': 'retention is a compliance control, not writing',
      's3:PutObjectVersionTagging': 'tags an earlier version of an object: not part of writing one',
    },
  },
  {
    id: 'Bucket.grantReadWrite',
    grants: ['read s3 bucket "reports-bucket"', 'write s3 bucket "reports-bucket"', 'delete s3 objects "reports-bucket/*"'],
    why: {
      's3:PutObjectLegalHold': 'legal hold is a compliance control, not writing',
      's3:PutObjectRetention': 'retention is a compliance control, not writing',
      's3:PutObjectVersionTagging': 'tags an earlier version of an object: not part of writing one',
    },
  },
  {
    id: 'Bucket.grantPut',
    grants: ['write s3 objects "reports-bucket/uploads/*"'],
    why: {
      's3:PutObjectLegalHold': 'legal hold is a compliance control, not writing',
      's3:PutObjectRetention': 'retention is a compliance control, not writing',
      's3:PutObjectVersionTagging': 'tags an earlier version of an object: not part of writing one',
    },
  },
  { id: 'Bucket.grantPutAcl', refused: 'object ACLs can make objects public: iamc never grants `s3:PutObjectAcl`' },
  { id: 'Bucket.grantDelete', grants: ['delete s3 objects "reports-bucket/tmp/*"'] },
  {
    id: 'Bucket.grantPublicAccess',
    refused: 'a bucket policy for every principal is not an identity grant: iamc writes no public access',
  },
  {
    id: 'Bucket.grantReplicationPermission',
    refused: 'replication is granted to the S3 service role by a bucket configuration, not an application intent: write it with `allow … because`',
  },
  { id: 'Table.grantReadData', grants: ['read dynamodb table "orders"'] },
  {
    id: 'Table.grantWriteData',
    grants: ['write dynamodb table "orders"', 'delete dynamodb items "orders"'],
    why: { 'dynamodb:ConditionCheckItem': 'the condition check of a transaction (TransactWriteItems), which writers use' },
  },
  {
    id: 'Table.grantReadWriteData',
    grants: ['read dynamodb table "orders"', 'write dynamodb table "orders"', 'delete dynamodb items "orders"'],
  },
  { id: 'Table.grantFullAccess', refused: FULL_ACCESS },
  { id: 'Table.grantStreamRead', grants: ['read dynamodb stream "orders"'] },
  {
    id: 'Table.grantTableListStreams',
    grants: ['read dynamodb stream "orders"'],
    why: explain(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], 'iamc has no list-only stream pattern: listing a table\'s streams serves reading them'),
  },
  {
    id: 'Table.grantListStreams (static)',
    grants: ['read dynamodb stream "orders"'],
    why: explain(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'], 'iamc has no list-only stream pattern: listing a table\'s streams serves reading them'),
  },
  { id: 'Queue.grantConsumeMessages', grants: ['consume sqs queue "orders"'] },
  { id: 'Queue.grantSendMessages', grants: ['send sqs queue "orders"'] },
  { id: 'Queue.grantPurge', grants: ['purge sqs queue "orders"'] },
  { id: 'Topic.grantPublish', grants: ['publish sns topic "alerts"'] },
  { id: 'Topic.grantSubscribe', grants: ['subscribe sns topic "alerts"'] },
  { id: 'Key.grantDecrypt', grants: [`decrypt kms key "${KEY}"`] },
  { id: 'Key.grantEncrypt', grants: [`encrypt kms key "${KEY}"`] },
  { id: 'Key.grantEncryptDecrypt', grants: [`encrypt kms key "${KEY}"`, `decrypt kms key "${KEY}"`] },
  { id: 'Key.grantSign', grants: [`sign kms key "${KEY}"`] },
  { id: 'Key.grantVerify', grants: [`verify kms key "${KEY}"`] },
  { id: 'Key.grantSignVerify', grants: [`sign kms key "${KEY}"`, `verify kms key "${KEY}"`] },
  { id: 'Key.grantGenerateMac', grants: [`generate-mac kms key "${KEY}"`] },
  { id: 'Key.grantVerifyMac', grants: [`verify-mac kms key "${KEY}"`] },
  { id: 'Key.grantAdmin', refused: ADMIN },
  { id: 'Secret.grantRead', grants: ['read secretsmanager secret "prod/db"'] },
  {
    id: 'Secret.grantWrite',
    grants: ['write secretsmanager secret "prod/db"'],
    why: {
      'secretsmanager:UpdateSecret': 'also changes the secret\'s encryption key and description: administration; `write` stores new values (PutSecretValue)',
      'secretsmanager:UpdateSecretVersionStage': 'moving version stages is rotation (`rotate secretsmanager secret`)',
    },
  },
  { id: 'StringParameter.grantRead', grants: ['read ssm parameter "/app/prod/db-url"'] },
  { id: 'StringParameter.grantWrite', grants: ['write ssm parameter "/app/prod/db-url"'] },
  { id: 'LogGroup.grantWrite', grants: ['write logs group "/app/orders"'] },
  {
    id: 'LogGroup.grantRead',
    grants: ['read logs group "/app/orders"'],
    why: explain(['logs:GetLogRecord', 'logs:GetQueryResults', 'logs:StartLiveTail', 'logs:StartQuery'], 'Logs Insights queries, the records their results point to, and live tail read the same events'),
  },
  { id: 'Function.grantInvoke', grants: ['invoke lambda function "processor"'] },
  { id: 'Function.grantInvokeUrl', grants: ['invoke lambda function-url "processor"'] },
  { id: 'Function.grantInvokeVersion', grants: ['invoke lambda function "processor"'], note: 'iamc names a function, so every version and alias: broader than the one version' },
  { id: 'Function.grantInvokeLatestVersion', grants: ['invoke lambda function "processor"'], note: 'iamc names a function, so every version and alias: broader than `$LATEST`' },
  {
    id: 'Function.grantInvokeCompositePrincipal',
    refused: 'grants several principals at once; iamc writes each role\'s own grants: one `invoke lambda function` per role',
  },
  { id: 'Repository (ECR).grantPull', grants: ['pull ecr repository "team/app"'] },
  {
    id: 'Repository (ECR).grantPush',
    grants: ['push ecr repository "team/app"'],
    why: {
      'ecr:BatchGetImage': 'a push reads the manifest of an image tag it replaces (AWS lists it among the push permissions)',
    },
  },
  { id: 'Repository (ECR).grantPullPush', grants: ['pull ecr repository "team/app"', 'push ecr repository "team/app"'] },
  {
    id: 'Repository (ECR).grantRead',
    grants: ['read ecr repository "team/app"'],
    why: { 'ecr:ListImages': 'lists the repository\'s image ids: a read' },
  },
  { id: 'Stream (Kinesis).grantRead', grants: ['read kinesis stream "clicks"'] },
  { id: 'Stream (Kinesis).grantWrite', grants: ['write kinesis stream "clicks"'] },
  { id: 'Stream (Kinesis).grantReadWrite', grants: ['read kinesis stream "clicks"', 'write kinesis stream "clicks"'] },
  { id: 'DeliveryStream.grantPutRecords', grants: ['write firehose delivery-stream "clicks"'] },
  { id: 'EventBus.grantPutEventsTo', grants: ['put-events events bus "orders-bus"'] },
  {
    id: 'EventBus.grantAllPutEvents (static)',
    refused: 'PutEvents on `*` reaches every event bus of the account: name the bus (`put-events events bus NAME`)',
  },
  { id: 'StateMachine.grantStartExecution', grants: ['start-execution states state-machine "order-flow"'] },
  {
    id: 'StateMachine.grantStartSyncExecution',
    grants: ['run states state-machine "order-flow"'],
    why: {
      'states:StartExecution': '`run` starts standard and express executions alike',
      ...explain(['states:DescribeExecution', 'states:GetExecutionHistory', 'states:StopExecution'], '`run` follows and stops the executions it starts'),
    },
  },
  { id: 'StateMachine.grantRead', grants: ['read states state-machine "order-flow"'] },
  { id: 'StateMachine.grantTaskResponse', grants: ['respond states state-machine "order-flow"'] },
  { id: 'StateMachine.grantRedriveExecution', grants: ['redrive states state-machine "order-flow"'] },
  { id: 'Role.grantPassRole', grants: ['pass iam role "app-runtime" to lambda'] },
  { id: 'Role.grantAssumeRole', grants: ['assume iam role "deploy-target"'] },
  { id: 'Metric.grantPutMetricData (static)', grants: ['write cloudwatch metrics "App/Orders"'] },
  { id: 'GraphqlApi.grantQuery', grants: ['query appsync api "abcdefghijklmnopqrstuvwxyz"'], note: 'every field; a grant for a list of fields has no pattern' },
  { id: 'GraphqlApi.grantMutation', grants: ['mutate appsync api "abcdefghijklmnopqrstuvwxyz"'], note: 'every field; a grant for a list of fields has no pattern' },
  { id: 'GraphqlApi.grantSubscription', grants: ['subscribe appsync api "abcdefghijklmnopqrstuvwxyz"'], note: 'every field; a grant for a list of fields has no pattern' },
  { id: 'FileSystem.grantRead', grants: ['read elasticfilesystem file-system "fs-0123456789abcdef0"'] },
  { id: 'FileSystem.grantReadWrite', grants: ['mount elasticfilesystem file-system "fs-0123456789abcdef0"'] },
  {
    id: 'FileSystem.grantRootAccess',
    refused: 'root access on a shared file system bypasses its POSIX permissions: write it with `allow … because`',
  },
  { id: 'Domain (OpenSearch).grantRead', grants: ['read es domain "search"'] },
  {
    id: 'Domain (OpenSearch).grantWrite',
    grants: ['write es domain "search"'],
    why: { 'es:ESHttpDelete': 'DELETE on every path of the domain also reaches its own APIs (`_snapshot`, `_plugins`): `delete es index "search/INDEX"` names the indexes, or `allow … because`' },
  },
  {
    id: 'Domain (OpenSearch).grantReadWrite',
    grants: ['read es domain "search"', 'write es domain "search"'],
    why: { 'es:ESHttpDelete': 'DELETE on every path of the domain also reaches its own APIs (`_snapshot`, `_plugins`): `delete es index "search/INDEX"` names the indexes, or `allow … because`' },
  },
  { id: 'Domain (OpenSearch).grantIndexRead', grants: ['read es index "search/orders"'] },
  { id: 'Domain (OpenSearch).grantIndexWrite', grants: ['write es index "search/orders"', 'delete es index "search/orders"'] },
  {
    id: 'Domain (OpenSearch).grantIndexReadWrite',
    grants: ['read es index "search/orders"', 'write es index "search/orders"', 'delete es index "search/orders"'],
  },
  {
    id: 'Domain (OpenSearch).grantPathRead',
    grants: ['read es path "search/_cat/indices"'],
  },
  {
    id: 'Domain (OpenSearch).grantPathWrite',
    grants: ['write es path "search/_cat/indices"'],
    why: { 'es:ESHttpDelete': 'DELETE removes what the path names (documents, an index): `write` never deletes; `delete es index` or `allow … because`' },
  },
  {
    id: 'Domain (OpenSearch).grantPathReadWrite',
    grants: ['read es path "search/_cat/indices"', 'write es path "search/_cat/indices"'],
    why: { 'es:ESHttpDelete': 'DELETE removes what the path names (documents, an index): `write` never deletes; `delete es index` or `allow … because`' },
  },
  { id: 'DatabaseInstance.grantConnect', grants: ['connect rds-db user "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/app_user"'] },
  { id: 'DatabaseCluster.grantConnect', grants: ['connect rds-db user "cluster-ABCDEFGHIJKLMNOPQRSTUVWXYZ/app_user"'] },
  { id: 'DatabaseProxy.grantConnect', grants: ['connect rds-db user "prx-ABCDEFGHIJKL01234/app_user"'] },
  {
    id: 'DatabaseCluster.grantDataApiAccess',
    grants: ['query rds-data cluster "orders-db"', 'read secretsmanager secret "rds/orders-db"'],
  },
  {
    id: 'ServerlessCluster.grantDataApiAccess',
    grants: ['query rds-data cluster "orders-db"', 'read secretsmanager secret "rds/orders-db"'],
  },
  { id: 'Repository (CodeCommit).grantPull', grants: ['pull codecommit repository "infra"'] },
  { id: 'Repository (CodeCommit).grantPullPush', grants: ['push codecommit repository "infra"'] },
  {
    id: 'Repository (CodeCommit).grantRead',
    grants: ['read codecommit repository "infra"'],
    why: explain(['codecommit:BatchDescribeMergeConflicts', 'codecommit:BatchGetCommits', 'codecommit:BatchGetPullRequests', 'codecommit:ListBranches', 'codecommit:ListPullRequests', 'codecommit:ListTagsForResource'], 'the batch and list reads of the same repository, which CDK\'s `Get*` and `Describe*` do not reach'),
  },
  {
    id: 'ReportGroup (CodeBuild).grantWrite',
    grants: ['write codebuild report-group "app-tests"'],
    why: { 'codebuild:BatchPutCodeCoverages': 'the other report type\'s action: the group\'s type is not in its name' },
  },
  { id: 'TaskDefinition (ECS).grantRun', grants: ['run ecs task "nightly-report"', 'pass iam role "report-task" to ecs-tasks'], note: 'every revision of the task definition family; CDK names one revision' },
  {
    id: 'Cluster (ECS).grantTaskProtection',
    grants: ['write ecs task-protection "prod"'],
    why: { 'ecs:GetTaskProtection': 'reads back the protection it sets' },
  },
  {
    id: 'Distribution.grantCreateInvalidation',
    grants: ['invalidate cloudfront distribution "E2QWRUHAPOMQZL"'],
    why: { 'cloudfront:GetInvalidation': 'waits for the invalidation it created (`aws cloudfront wait invalidation-completed`)' },
  },
  { id: 'Method (API Gateway).grantExecute', grants: ['invoke execute-api api "a1b2c3d4e5/prod/GET/orders/*"'] },
  { id: 'EmailIdentity.grantSendEmail', grants: ['send ses identity "example.com"'] },
  { id: 'ScheduleGroup.grantReadSchedules', grants: ['read scheduler schedules "reminders"'], why: { 'scheduler:GetScheduleGroup': 'reads the group the schedules belong to' } },
  { id: 'ScheduleGroup.grantWriteSchedules', grants: ['write scheduler schedules "reminders"'] },
  { id: 'ScheduleGroup.grantDeleteSchedules', grants: ['delete scheduler schedules "reminders"'] },
  {
    id: 'S3Table (Glue).grantRead',
    grants: ['read glue table "sales/orders"'],
    why: {
      'glue:GetTables': 'lists every table of the database: beyond the table named',
      ...explain(['glue:GetTableVersion', 'glue:GetTableVersions'], 'earlier schemas of the table: not what a query of it reads'),
      'glue:GetDatabase': 'Athena, Spark and Glue jobs read the table\'s database with it',
    },
  },
  {
    id: 'S3Table (Glue).grantWrite',
    grants: ['write glue table "sales/orders"'],
    why: {
      ...explain(['glue:BatchDeletePartition', 'glue:DeletePartition'], 'deleting partitions is a delete, never part of `write`'),
      'glue:BatchUpdatePartition': 'updates partitions in batches, as UpdatePartition does one by one',
    },
  },
  {
    id: 'S3Table (Glue).grantReadWrite',
    grants: ['read glue table "sales/orders"', 'write glue table "sales/orders"'],
    why: {
      'glue:GetTables': 'lists every table of the database: beyond the table named',
      ...explain(['glue:GetTableVersion', 'glue:GetTableVersions'], 'earlier schemas of the table: not what a query of it reads'),
      'glue:GetDatabase': 'Athena, Spark and Glue jobs read the table\'s database with it',
      ...explain(['glue:BatchDeletePartition', 'glue:DeletePartition'], 'deleting partitions is a delete, never part of `write`'),
      'glue:BatchUpdatePartition': 'updates partitions in batches, as UpdatePartition does one by one',
    },
  },
];
