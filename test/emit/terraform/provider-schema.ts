/**
 * The Terraform AWS provider arguments iamc may write, per resource and data source, taken from
 * the provider's documentation (registry.terraform.io/providers/hashicorp/aws, v5.81+). `blocks`
 * are nested blocks with their own arguments. A test checks every emitted argument is listed here,
 * so a misspelt argument fails in CI rather than at `terraform plan`.
 */
export interface BlockSchema {
  readonly arguments: readonly string[];
  readonly blocks?: Readonly<Record<string, BlockSchema>>;
}

/** Meta-arguments Terraform accepts on every resource. */
export const META_ARGUMENTS = ['provider', 'depends_on', 'count', 'for_each', 'lifecycle'];

export const RESOURCES: Readonly<Record<string, BlockSchema>> = {
  aws_iam_role: { arguments: ['name', 'name_prefix', 'path', 'description', 'assume_role_policy', 'max_session_duration', 'permissions_boundary', 'force_detach_policies', 'tags'] },
  aws_iam_policy: { arguments: ['name', 'name_prefix', 'path', 'description', 'policy', 'tags'] },
  aws_iam_role_policy_attachment: { arguments: ['role', 'policy_arn'] },
  aws_iam_instance_profile: { arguments: ['name', 'name_prefix', 'path', 'role', 'tags'] },
  // thumbprint_list: optional since 5.81.0 (hashicorp/terraform-provider-aws#37255).
  aws_iam_openid_connect_provider: { arguments: ['url', 'client_id_list', 'thumbprint_list', 'tags'] },
  aws_organizations_policy: { arguments: ['name', 'description', 'type', 'content', 'skip_destroy', 'tags'] },
  aws_organizations_policy_attachment: { arguments: ['policy_id', 'target_id', 'skip_destroy'] },
  aws_ssoadmin_permission_set: { arguments: ['name', 'description', 'instance_arn', 'relay_state', 'session_duration', 'tags'] },
  aws_ssoadmin_permission_set_inline_policy: { arguments: ['inline_policy', 'instance_arn', 'permission_set_arn'] },
  aws_ssoadmin_managed_policy_attachment: { arguments: ['instance_arn', 'managed_policy_arn', 'permission_set_arn'] },
  aws_ssoadmin_customer_managed_policy_attachment: {
    arguments: ['instance_arn', 'permission_set_arn'],
    blocks: { customer_managed_policy_reference: { arguments: ['name', 'path'] } },
  },
  aws_ssoadmin_permissions_boundary_attachment: {
    arguments: ['instance_arn', 'permission_set_arn'],
    blocks: { permissions_boundary: { arguments: ['managed_policy_arn'], blocks: { customer_managed_policy_reference: { arguments: ['name', 'path'] } } } },
  },
  aws_ssoadmin_account_assignment: { arguments: ['instance_arn', 'permission_set_arn', 'principal_id', 'principal_type', 'target_id', 'target_type'] },
  aws_accessanalyzer_analyzer: { arguments: ['analyzer_name', 'type', 'tags'], blocks: { configuration: { arguments: [] } } },
  aws_accessanalyzer_archive_rule: {
    arguments: ['analyzer_name', 'rule_name'],
    // API Criterion: contains, eq, exists, neq (docs.aws.amazon.com/access-analyzer/latest/APIReference/API_Criterion.html).
    blocks: { filter: { arguments: ['criteria', 'contains', 'eq', 'exists', 'neq'] } },
  },
  aws_cloudwatch_event_rule: { arguments: ['name', 'name_prefix', 'description', 'event_bus_name', 'event_pattern', 'schedule_expression', 'role_arn', 'state', 'tags'] },
};

export const DATA_SOURCES: Readonly<Record<string, BlockSchema>> = {
  aws_ssoadmin_instances: { arguments: [] },
  aws_organizations_organization: { arguments: [] },
};

/** Attributes each resource or data source exports, for checking references. */
export const EXPORTS: Readonly<Record<string, readonly string[]>> = {
  aws_iam_role: ['arn', 'name', 'id', 'unique_id'],
  aws_iam_policy: ['arn', 'id', 'name', 'policy_id'],
  aws_iam_openid_connect_provider: ['arn', 'id'],
  aws_organizations_policy: ['arn', 'id'],
  aws_ssoadmin_permission_set: ['arn', 'id', 'created_date'],
  aws_accessanalyzer_analyzer: ['arn', 'id', 'analyzer_name'],
  aws_ssoadmin_instances: ['arns', 'identity_store_ids'],
  aws_organizations_organization: ['roots', 'id', 'arn'],
};
