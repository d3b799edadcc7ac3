/**
 * The catalogue of every diagnostic iamc can raise. Tests and docs refer to codes, never to prose,
 * so wording can improve freely. Ranges: IAM0xxx input and usage, IAM1xxx syntax (11xx YAML,
 * 12xx DSL), IAM2xxx names and references, IAM3xxx lowering and limits, IAM4xxx verification and
 * the action catalogue, IAM5xxx lint rules, IAM9xxx internal errors (bugs in iamc).
 *
 * `docs/rules.md` is generated from this table (`npm run docs`); a test fails when it is stale.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface CodeInfo {
  readonly severity: Severity;
  /** Short, reused phrase: what kind of problem this is. */
  readonly summary: string;
  /** One or two sentences for the rules reference: why it matters and how to fix it. */
  readonly doc: string;
}

export const CODES = {
  // ── input and usage ────────────────────────────────────────────────────────────────────
  IAM0001: { severity: 'error', summary: 'cannot read input', doc: 'A path given on the command line does not exist or cannot be read.' },
  IAM0002: { severity: 'error', summary: 'no intent files', doc: 'No `.iam`, `.iam.yaml` or `.iam.yml` file was found under the given paths.' },
  IAM0003: { severity: 'error', summary: 'cannot write output', doc: 'The output folder could not be written; nothing was changed in it.' },
  IAM0004: { severity: 'error', summary: 'stale output', doc: '`--check` found that the files on disk differ from what the intents compile to. Run `iamc compile` and commit the result.' },
  IAM0006: { severity: 'error', summary: 'unknown role', doc: '`iamc explain --role NAME` names a role that the intents do not declare; the message lists the nearest.' },
  IAM0005: { severity: 'error', summary: 'unsupported file', doc: 'The file is not UTF-8 text, or its kind is not one iamc reads.' },
  IAM0010: { severity: 'error', summary: 'output folder holds inputs', doc: '`--out` names a folder that contains an intent file being compiled; replacing it would delete the intents. Write the output beside them.' },
  IAM0011: { severity: 'error', summary: 'output folder is a repository', doc: '`--out` names a folder that holds `.git`: replacing it would replace the repository. Name a folder inside it.' },
  IAM0012: { severity: 'error', summary: 'output folder holds the working directory', doc: '`--out` names the working directory or one of its ancestors (`--out .`); replacing it would replace everything in it.' },
  IAM0013: { severity: 'error', summary: 'output folder not written by iamc', doc: '`--out` names a non-empty folder without an iamc manifest. iamc replaces only folders it wrote; name an empty or new folder.' },
  IAM0014: { severity: 'error', summary: 'output would replace a file iamc did not write', doc: 'The output folder holds a file the manifest does not list, at a place the new output needs. iamc never overwrites what it did not write; move the file away.' },
  IAM0015: { severity: 'error', summary: 'unreadable manifest', doc: 'The output folder\'s `manifest.json` says iamc wrote it, but has an unknown version or no valid `files` list, so iamc cannot tell its own files from others.' },
  IAM0016: { severity: 'info', summary: 'files carried across', doc: 'The output folder held files iamc did not write (`.terraform/`, `backend.tf`, a lock file); they were moved into the new output unchanged.' },
  IAM0017: { severity: 'warning', summary: 'symbolic link loop', doc: 'A symbolic link leads back to a folder being searched (or to itself); it is reported and not followed, and the files under it are read once, by their other path.' },
  IAM0018: { severity: 'warning', summary: 'broken symbolic link', doc: 'A symbolic link in an input folder points at nothing. A broken link named like an intent file is an error (IAM0001): an intent gone missing.' },
  IAM0019: { severity: 'warning', summary: 'old output left over', doc: 'After the new output took its place, the old folder still held something iamc did not write (it appeared during the write); it was left where the message says, not deleted.' },
  IAM0030: { severity: 'error', summary: 'unreadable manifest', doc: '`iamc diff` was given a folder of compiled output whose `manifest.json` cannot be read or is not valid JSON.' },
  IAM0031: { severity: 'error', summary: 'unsupported manifest version', doc: 'The compiled output was written by an iamc whose manifest version this one does not read (it reads versions 1 and 2). Recompile that side, or diff with the iamc that wrote it.' },
  IAM0032: { severity: 'error', summary: 'malformed manifest entry', doc: 'An entry of `manifest.json` lacks a field iamc always writes (a name, a policy path, a session length), so the output cannot be compared.' },
  IAM0033: { severity: 'error', summary: 'unreadable compiled policy', doc: 'A policy file the manifest names is missing, is not valid JSON, or is not a policy document as iamc writes it.' },
  IAM0034: { severity: 'error', summary: 'incomplete comparison', doc: 'One side of `iamc diff` does not record something that bears on access (a version-1 manifest compiled without the Terraform target does not record session lengths), so `diff` cannot say the two are the same. Compile that side with the Terraform target, or compare intent folders.' },
  IAM0040: { severity: 'error', summary: 'output folder out of step with its manifest', doc: '`iamc check OUT/` reads the policy files iamc\'s `manifest.json` lists; one of them is missing, unreadable, or outside the folder. Compile again into the folder.' },
  IAM0050: { severity: 'error', summary: 'unknown action in a request', doc: '`iamc explain --action A` names no action in AWS\'s action catalogue (or is not `service:Action`, or is a wildcard); the message suggests the nearest. A misspelt action would otherwise read as "implicitly denied".' },
  IAM0051: { severity: 'error', summary: 'invalid resource in a request', doc: '`iamc explain --resource R` is not an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:…`), nor `*` for an action that takes no resource.' },

  // ── YAML syntax and shape ─────────────────────────────────────────────────────────────
  IAM1101: { severity: 'error', summary: 'invalid YAML', doc: 'The file is not well-formed YAML. The message gives the parser\'s reason at the exact place.' },
  IAM1102: { severity: 'error', summary: 'duplicate key', doc: 'A mapping has the same key twice; YAML would silently keep one of them.' },
  IAM1103: { severity: 'error', summary: 'wrong type', doc: 'A value has the wrong shape, for example a list where a string is expected.' },
  IAM1104: { severity: 'error', summary: 'unknown key', doc: 'A key is not part of the YAML form. Check the spelling; the message suggests the nearest known key.' },
  IAM1105: { severity: 'error', summary: 'missing key', doc: 'A required key is absent, for example `for` or `in` on a role.' },
  IAM1106: { severity: 'error', summary: 'invalid grant', doc: 'A grant key must read `VERB SERVICE RESOURCE-TYPE` (e.g. `consume sqs queue`), or be `allow`/`deny` for the escape hatch.' },
  IAM1107: { severity: 'error', summary: 'invalid value', doc: 'A value is not one of the words allowed at this place.' },
  IAM1108: { severity: 'error', summary: 'nested too deeply', doc: 'The YAML nests lists and mappings far deeper than any intent file needs; iamc refuses it rather than risk exhausting the parser.' },

  // ── DSL syntax ────────────────────────────────────────────────────────────────────────
  IAM1201: { severity: 'error', summary: 'unexpected character', doc: 'The text contains a character that cannot start any word of the language.' },
  IAM1202: { severity: 'error', summary: 'unterminated string', doc: 'A string opened with `"` is not closed on the same line.' },
  IAM1203: { severity: 'error', summary: 'unexpected token', doc: 'The parser expected a different word here. The message says what it expected.' },
  IAM1204: { severity: 'error', summary: 'invalid escape', doc: 'Strings use JSON escapes: `\\"`, `\\\\`, `\\n`, `\\t`, `\\uXXXX`.' },
  IAM1205: { severity: 'error', summary: 'invalid number', doc: 'A number is malformed, e.g. an account id with letters or a duration without a unit.' },
  IAM1206: { severity: 'error', summary: 'not supported yet', doc: 'The construct parses, but this version of iamc cannot compile it yet.' },
  IAM1210: { severity: 'error', summary: '`#` inside a word', doc: 'A `#` glued to a word (`reports#2`) would start a comment and cut the word short, widening what it names. Quote the word (`"reports#2"`), or put a space before the `#` to start a comment.' },
  IAM1220: { severity: 'error', summary: 'unclosed block', doc: 'A `{` is not closed by `}` before the next declaration starts (a line such as `role NAME … {`). Add the `}` at the end of the block; the declarations after it are still read.' },
  IAM1221: { severity: 'error', summary: 'word after the end of a statement', doc: 'A statement is complete, and a word follows it that cannot continue it (`consume sqs queue "q" please`, or a misspelt `wen` for `when`). The message suggests the nearest word that could follow.' },

  // ── names, accounts, regions, references ──────────────────────────────────────────────
  IAM2101: { severity: 'error', summary: 'invalid account id', doc: 'An AWS account id is exactly 12 digits.' },
  IAM2102: { severity: 'error', summary: 'unknown account', doc: 'An account name is used that no `account` declaration defines.' },
  IAM2103: { severity: 'error', summary: 'invalid region', doc: 'The region is not a known AWS region.' },
  IAM2104: { severity: 'error', summary: 'unknown verb', doc: 'No stdlib pattern has this verb for the service and resource type. `iamc stdlib SERVICE` lists them.' },
  IAM2105: { severity: 'error', summary: 'unknown service', doc: 'No stdlib pattern exists for this service. `iamc stdlib` lists the services; the `allow` escape hatch covers the rest.' },
  IAM2106: { severity: 'error', summary: 'unknown resource type', doc: 'The service has no stdlib pattern for this resource type.' },
  IAM2107: { severity: 'error', summary: 'duplicate declaration', doc: 'A name is declared twice in the program (a folder is one program); both places are shown. Role, boundary, permission set and guardrail names that differ only in capitals are one name (IAM ignores case in role and policy names, and case-insensitive file systems in output file names).' },
  IAM2108: { severity: 'error', summary: 'invalid role name', doc: 'IAM role names are 1 to 64 characters of `A-Za-z0-9+=,.@_-`.' },
  IAM2109: { severity: 'error', summary: 'invalid duration', doc: 'A duration is a whole number of hours or minutes (`1h`, `90m`) between 1 h and 12 h.' },
  IAM2110: { severity: 'error', summary: 'missing region', doc: 'A target is a name whose ARN needs a region, and no `region` is declared.' },
  IAM2111: { severity: 'error', summary: 'invalid target', doc: 'A target ARN does not match the ARN format of the resource type, or a name contains characters that cannot appear in it.' },
  IAM2112: { severity: 'error', summary: 'wildcard needs a reason', doc: 'The grant reaches every resource of its type, or resources in any account, region or partition, however it is spelled (`*`, `?*`, `key/*`, `role/?*`, an account `**`), or names an action AWS accepts only on `*`. Say why with `because "…"`.' },
  IAM2113: { severity: 'error', summary: 'invalid principal', doc: 'The `for` clause is malformed: a GitHub repository must be exactly `org/repo` (no globs), an Azure DevOps connection `org/project/connection`, a service a `*.amazonaws.com` host.' },
  IAM2114: { severity: 'error', summary: 'invalid path', doc: 'A role path starts and ends with `/`, is at most 512 characters, and uses printable ASCII.' },
  IAM2115: { severity: 'error', summary: 'invalid condition', doc: 'A `when` condition has a malformed value (a VPC endpoint id `vpce-…`, a CIDR, an organisation id `o-…`).' },
  IAM2116: { severity: 'error', summary: 'unknown reference', doc: 'A boundary, role or other name is used that nothing declares.' },
  IAM2117: { severity: 'error', summary: 'invalid action', doc: 'An action in `allow`/`deny` is not `service:Action`, or does not exist in AWS\'s action catalogue. Action wildcards are refused: they widen whenever AWS adds an action.' },
  IAM2118: { severity: 'error', summary: 'duplicate setting', doc: 'A role setting (`max-session`, `path`, `description`) is given twice.' },
  IAM2119: { severity: 'error', summary: 'pattern option not allowed', doc: 'An option such as `to SERVICE` is given to a pattern that does not take it, or a required one is missing.' },
  IAM2120: { severity: 'error', summary: 'invalid description', doc: 'A description is at most 1,000 characters and uses no control characters.' },
  IAM2121: { severity: 'error', summary: 'twins disagree', doc: 'A file and its twin in the other syntax (`x.iam` beside `x.iam.yaml`) must say the same thing; iamc compiles the `.iam` file once and checks the twin against it.' },
  IAM2130: { severity: 'error', summary: 'name would widen', doc: 'IAM\'s `*` and `?` also match `/` and `:`, so the ARN a name glob becomes can reach resources the name does not mean: `tenant-*/public/*` reaches `tenant-a/private/…/public/x`, a role glob `app-*` reaches the role `OrgAdmin` on path `/app-team/`. docs/language.md says what a glob means in each position; the message shows an ARN that would be allowed and the exact alternatives. `allow … on "ARN" because "…"` states its own meaning where a wider ARN is wanted.' },
  IAM2131: { severity: 'error', summary: 'name too intricate to prove', doc: 'Deciding whether one glob lies inside another is hard in general (many `?` after a `*`); iamc stops after a fixed amount of work and refuses rather than emit what it could not prove. Use fewer wildcards or list the names.' },
  IAM2132: { severity: 'error', summary: 'name means a resource in every account', doc: 'A permission set has one policy for every account it is assigned to. A target written as a name whose ARN holds the account (a queue, a table, a key) would name that resource in each account, so every account could reach the others\' resource of that name. Write the ARN of the resource you mean, or make one permission set per account. Names without an account in their ARN (S3 buckets) are unaffected.' },
  IAM2133: { severity: 'error', summary: 'target form', doc: 'A pattern that takes no target (`write xray traces`, whose actions AWS accepts only on `*`) is written with one, or a pattern that names a resource or a value (`read s3 bucket NAME`, `write cloudwatch metrics NAMESPACE`) is written without one. `iamc stdlib SERVICE` shows what each pattern takes.' },
  IAM2134: { severity: 'error', summary: 'invalid option value', doc: 'The value of a pattern option (`family "web-task"`) is not one AWS accepts for it; the message says why.' },
  IAM2150: { severity: 'error', summary: 'invalid name', doc: 'A boundary, guardrail, permission set or analyzer name is not one AWS accepts (e.g. a permission set name is 1 to 32 characters of `A-Za-z0-9+=,.@_-`).' },
  IAM2170: { severity: 'error', summary: 'account named with an id', doc: 'An account\'s name is 12 digits. A literal account id always means that account (in trusts, guardrail targets and assignments), so a name that is one would redirect or shadow it. Name accounts with words.' },
  IAM2171: { severity: 'error', summary: 'exempt role glob', doc: '`exempt role` takes role names, not globs. In `aws:PrincipalArn` a `*` or `?` also matches the `/` of a role path, so `break-glass-*` would spare `role/break-glass-x/attacker`, a role any member account\'s admin can create. Name each exempt role; the guardrail also denies everyone else creating or changing a role of that name.' },
  IAM2172: { severity: 'error', summary: '`allow` in a guardrail', doc: 'A guardrail compiles to a service control policy, which grants nothing; an Allow in it would only filter once `FullAWSAccess` is detached, and the exemption would invert it. Write the rule as `deny ACTIONS on TARGETS`.' },
  IAM2173: { severity: 'error', summary: 'managed policy in another account', doc: 'A permission set names a customer managed policy by an ARN whose account is not the one account the set is assigned to. Identity Center attaches customer managed policies by name and path in each assigned account, so the ARN\'s account would be dropped. Write the name, or assign the set only to that account.' },
  IAM2190: { severity: 'error', summary: 'invisible character in a name', doc: 'A name that reaches a trust or an ARN contains a character no reviewer can see: a zero-width space or joiner, a bidi mark, embedding, override or isolate (U+200E/F, U+202A–U+202E, U+2066–U+2069), a soft hyphen, a byte order mark or another control or format character. The trust would name something other than what the review showed.' },
  IAM2191: { severity: 'error', summary: 'look-alike name', doc: 'A name mixes scripts (Latin with Cyrillic or Greek, e.g. a Cyrillic `а` in `mаin`), or holds a letter that looks like an ASCII letter (its UTS #39 confusable skeleton differs from it, e.g. fullwidth `ｍain`). Write the name in ASCII.' },
  IAM2192: { severity: 'warning', summary: 'non-ASCII name', doc: 'A name holds non-ASCII letters where AWS and the identity provider accept them (a GitHub branch, tag or environment, an Azure DevOps project or connection, an S3 key). The message shows each code point so the review sees exactly what the trust or ARN matches.' },
  IAM2193: { severity: 'error', summary: 'non-ASCII character not accepted', doc: 'A name holds a non-ASCII character where AWS accepts only ASCII (role names, external ids, most resource names).' },
  IAM2194: { severity: 'error', summary: 'invalid external id', doc: 'An external id is a secret the caller presents when it assumes the role: it cannot be empty, and AWS accepts 2 to 1,224 characters of `A-Za-z0-9+=,.@:/_-`.' },
  IAM2195: { severity: 'warning', summary: 'short external id', doc: 'An external id shorter than 12 characters can be guessed; use the unguessable id the other party gave you (typically a UUID).' },
  IAM2196: { severity: 'error', summary: 'empty reason', doc: 'A `because` is empty, or holds only spaces or invisible characters. A reason is what a reviewer reads to accept a widening, so one that says nothing is refused: write why.' },

  // ── lowering and limits ───────────────────────────────────────────────────────────────
  IAM3101: { severity: 'error', summary: 'policy too large', doc: 'The role\'s identity policy does not fit in the managed policies a role may have (10 of 6,144 characters each, `compiler/lower/limits.ts`). Split the role.' },
  IAM3102: { severity: 'error', summary: 'trust policy too large', doc: 'The trust policy is larger than 2,048 characters (the default quota).' },
  IAM3103: { severity: 'error', summary: 'SCP too large', doc: 'A service control policy is larger than 5,120 bytes with whitespace removed.' },
  IAM3104: { severity: 'error', summary: 'permission set policy too large', doc: 'A permission set\'s inline policy is larger than 10,240 non-whitespace characters.' },
  IAM3105: { severity: 'error', summary: 'role has no grants', doc: 'A role with no grants can be assumed but do nothing; it is usually a mistake.' },
  IAM3150: { severity: 'error', summary: 'too many SCPs on a target', doc: 'Organizations attaches at most 5 SCPs to one root, OU or account, and the default `FullAWSAccess` counts among them. Merge guardrails that share a target.' },

  // ── verification and the action catalogue ─────────────────────────────────────────────
  IAM4101: { severity: 'error', summary: 'statement exceeds its intent', doc: 'Internal: an emitted statement is not contained in the grants it came from. It was not written. Please report it.' },
  IAM4102: { severity: 'error', summary: 'unknown action', doc: 'An emitted action is not in AWS\'s action catalogue.' },
  IAM4103: { severity: 'error', summary: 'resource does not apply', doc: 'An action is put on a resource whose ARN matches none of the resource types the action accepts; the statement would never work.' },
  IAM4105: { severity: 'error', summary: 'statement too intricate to prove', doc: 'The proof could not decide within its work budget whether a statement lies inside its grants, so it was not written. Simplify the globs of the grant it came from.' },
  IAM4104: { severity: 'error', summary: 'condition key does not apply', doc: 'A condition key is neither global nor one the action supports; the condition never matches.' },

  // ── lint rules ────────────────────────────────────────────────────────────────────────
  IAM5101: { severity: 'error', summary: 'waiver without reason', doc: 'A `# iamc-allow CODE` waiver must say why: `# iamc-allow IAM5xxx: reason` (in a `.iamc-waivers` file: `FILE IAM5xxx /JSON/POINTER: reason`).' },
  IAM5102: { severity: 'warning', summary: 'unused waiver', doc: 'A `# iamc-allow CODE: reason` comment waives nothing on its line or the next (or a `.iamc-waivers` line nothing at its JSON path): the finding is gone or the code is wrong. A stale waiver would silently hide a new finding there later.' },
  IAM5103: { severity: 'error', summary: 'invalid policy document', doc: 'A policy file given to `iamc check` is not JSON (a trailing comma, a comment, single quotes), or not the shape of an IAM policy (`Statement` with `Effect`, `Action`, `Resource`). AWS would reject it.' },
  IAM5104: { severity: 'warning', summary: 'action wildcard', doc: 'An action glob such as `ssm:GetParameter*` (`examples/lint/ec2-app-permissions.json`) widens silently whenever AWS adds a matching action. List the actions; the help line gives the current expansion.' },
  IAM5105: { severity: 'error', summary: 'service-wide action', doc: '`*` or `service:*` on a workload or identity policy grants every action of the service, today\'s and tomorrow\'s (`examples/lint/github-deploy-policy.json` grants `s3:*`, `ec2:*`, `rds:*`). Name the actions the workload calls.' },
  IAM5106: { severity: 'warning', summary: 'wildcard resource', doc: '`Resource: "*"`, or any pattern that reaches every resource of its type (`key/*`, `arn:aws:s3:::*`, `?*`, an account `*`), grants the actions on all of them (`examples/lint/github-deploy-policy.json`). Scope it to ARNs; in an intent file say why with `because`.' },
  IAM5107: { severity: 'error', summary: 'wildcard resource on write actions', doc: 'Write or permissions-management actions on `Resource: "*"` (or any pattern that reaches every resource of its type) can change every resource of the account, not just the workload\'s own. Scope them to ARNs; the help line names the ARN AWS takes.' },
  IAM5108: { severity: 'error', summary: '`iam:PassRole` not scoped', doc: '`iam:PassRole` on `*`, on every role (`role/*`, `role/?*`) or on roles of any account lets the holder hand any role, AdministratorAccess included, to a service it controls (`examples/lint/github-deploy-policy.json`). Name the roles and add `iam:PassedToService`.' },
  IAM5109: { severity: 'error', summary: 'OIDC trust without audience or subject', doc: 'A web-identity trust must check both the token\'s `aud` and `sub` with StringEquals. With `aud` only, any repository on GitHub can assume the role (Datadog Security Labs, 2023); without `aud`, tokens minted for other services are accepted (`examples/lint/github-trust.json`, `examples/lint/azure-devops-trust.json`).' },
  IAM5110: { severity: 'error', summary: 'OIDC subject spans repositories', doc: 'A `sub` pattern with a wildcard in the organisation or repository (`repo:acme/*`) lets every matching repository, including ones created later or by others, assume the role.' },
  IAM5111: { severity: 'warning', summary: 'OIDC subject spans branches', doc: 'A `sub` pattern such as `repo:acme/app:*` admits every branch, tag, pull request and environment of the repository, so anyone who can push a branch can assume the role. Name the branch or environment.' },
  IAM5112: { severity: 'error', summary: '`ForAllValues` on an OIDC claim', doc: '`ForAllValues:` is true when the claim is absent, so a token without `aud` or `sub` passes. Use plain `StringEquals` on single-valued claims.' },
  IAM5113: { severity: 'warning', summary: 'StringLike without a wildcard', doc: '`StringLike` with no `*` or `?` means the same as `StringEquals`, but invites a later wildcard and hides the intent (`examples/lint/github-trust.json`). Use `StringEquals`.' },
  IAM5114: { severity: 'warning', summary: 'service trust without source conditions', doc: 'A trust to a service that sets `aws:SourceAccount`/`aws:SourceArn` (Lambda, ECS tasks, Step Functions, …) without them lets the service assume the role on behalf of any account: the confused-deputy problem (`examples/lint/ecs-task-execution-trust.json`). EC2 sets neither, so it is exempt.' },
  IAM5115: { severity: 'warning', summary: 'trust in a whole account', doc: 'Trusting `arn:aws:iam::ACCOUNT:root` (or a bare account id) without `sts:ExternalId` lets every principal that account\'s admins choose assume the role. Trust the specific role ARN; for third parties require an external id.' },
  IAM5116: { severity: 'error', summary: 'trust open to everyone', doc: 'A trust policy with principal `*` and no condition naming an account or organisation can be assumed by anyone on AWS.' },
  IAM5117: { severity: 'warning', summary: 'unknown OIDC issuer', doc: 'An Azure DevOps trust names an issuer that Azure DevOps never uses (`oidc.azuredevops.com` in `examples/lint/azure-devops-trust.json`); the role can never be assumed. The issuer is `vstoken.dev.azure.com/ORG_GUID`.' },
  IAM5118: { severity: 'error', summary: 'privileged role without MFA', doc: 'A role that can manage permissions (IAM write or permissions-management actions) is assumable by AWS principals without `aws:MultiFactorAuthPresent` (`network-admin` in `examples/seed.iam` is the safe form). Add `mfa` to the `for` clause.' },
  IAM5119: { severity: 'error', summary: 'condition key does not apply', doc: 'The condition key is neither global nor one the action supports, so it is absent from every request for that action: a positive test never matches and a negated one always does. `examples/lint/developer-boundary.json` puts `iam:PermissionsBoundary` on `iam:PassRole` and `iam:CreatePolicyVersion`, where the key is never present: its `StringNotLike` deny therefore always applies.' },
  IAM5120: { severity: 'error', summary: '`NotAction` or `NotResource` in an Allow', doc: 'An Allow with `NotAction` or `NotResource` grants everything except a list, including every action and resource AWS adds later. Use them only in Deny statements.' },
  IAM5121: { severity: 'error', summary: 'credentials in source', doc: 'An AWS access key id, a secret key next to it, or a private key is pasted into a file that will be committed. Remove it and rotate the key: it must be considered leaked.' },
  IAM5122: { severity: 'error', summary: 'privilege escalation', doc: 'The policy holds a known privilege-escalation method (Rhino Security Labs, "AWS IAM Privilege Escalation"): changing policies (`iam:CreatePolicyVersion`, `iam:AttachRolePolicy`, `iam:PutRolePolicy`, …), minting credentials (`iam:CreateAccessKey`, `iam:CreateLoginProfile`), or `iam:PassRole` on any role together with a service that runs code under it (`lambda:CreateFunction`, `ec2:RunInstances`, `ecs:RunTask`, `cloudformation:CreateStack`, `glue:CreateDevEndpoint`). docs/lint.md lists them.' },
  IAM5123: { severity: 'warning', summary: 'dead grant', doc: 'The action cannot act on the resource: it accepts only `*`, or no resource type of the action matches the ARN (`ssm:DescribeParameters` on a parameter ARN in `examples/lint/ec2-app-permissions.json`). The grant never works; move the action to the resource it needs.' },
  IAM5124: { severity: 'error', summary: 'unknown action', doc: 'An action (or action glob) names nothing in AWS\'s action catalogue; it is misspelt or the service does not have it.' },
  IAM5130: { severity: 'error', summary: 'resource is not an ARN', doc: 'A `Resource` is neither `*` nor a whole ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`): `arn:aws:s3` or `arn:aws:iam::123` matches nothing AWS has, so the statement never applies. Write the whole ARN.' },
  IAM5131: { severity: 'warning', summary: 'boundary lets code run under other roles', doc: 'A permissions boundary allows changing code or configuration that runs under another role (`lambda:UpdateFunctionCode`, `ec2:ModifyInstanceAttribute`, `ssm:SendCommand`, …) on every resource of its kind. A bounded role given that action runs its own code with the other role\'s permissions, which the boundary does not cap. The same holds for IAM actions on other principals (`iam:PutRolePolicy`, `iam:AttachRolePolicy`, `iam:UpdateAssumeRolePolicy` on other roles; `iam:CreateAccessKey`, `iam:PutUserPolicy` and the like on users, which the boundary never bounds). Scope the action to the bounded team\'s own resources, or deny it in the boundary. docs/lint.md lists the actions.' },
  IAM5132: { severity: 'warning', summary: 'reasoned `*` where AWS takes an ARN', doc: 'A `because` explains `*` for an action AWS lets you scope to a resource type (`ec2:CreateVpc` in examples/seed.iam, which takes `arn:aws:ec2:REGION:ACCOUNT:vpc/*`). `*` reaches every resource of every service; the narrower ARN says the same with less. The message names it.' },
  IAM5140: { severity: 'error', summary: 'public resource policy', doc: 'A resource policy allows principal `*` (or `{"AWS": "*"}`) with no condition that pins the caller or the request to an organisation, an account, a source ARN or account, a VPC or a VPC endpoint: anyone on AWS, or anonymously on the internet, gets the actions.' },
  IAM5141: { severity: 'error', summary: 'external id that pins nothing', doc: 'A trust tests `sts:ExternalId` with an empty value, a wildcard, a negated operator, `IfExists` or `ForAllValues:`, so a caller who does not know the agreed id still passes. Use `StringEquals` with the id.' },
  IAM5160: { severity: 'warning', summary: 'region restriction blocks global services', doc: 'A `restrict regions` guardrail denies every call whose `aws:RequestedRegion` is not listed. Global services (IAM, STS\'s global endpoint, Organizations, Route 53, CloudFront, Support, …) have one endpoint, in us-east-1 (Global Accelerator and Network Manager in us-west-2), so unless they are in `except` or their region is allowed, they fail in every account the guardrail reaches. docs/stdlib.md lists the services.' },
  IAM5161: { severity: 'error', summary: 'administrator-equivalent managed policy without a reason', doc: 'A permission set attaches `AdministratorAccess`, `PowerUserAccess`, `IAMFullAccess`, `AWSOrganizationsFullAccess` or an Identity Center administrator policy: everyone assigned gets administrator access, or the means to take it, in every assigned account. Attach a narrower policy, or say why with `managed-policy "…" because "…"`.' },
  IAM5170: { severity: 'error', summary: 'invisible character in a policy value', doc: 'A resource, principal or condition value of a policy holds a character no reviewer can see (zero-width space or joiner, bidi mark, override or isolate, soft hyphen, byte order mark…): a trust on `main\u200b` is not a trust on `main`. Retype the value.' },
  IAM5171: { severity: 'error', summary: 'look-alike policy value', doc: 'A resource, principal or condition value mixes scripts in one segment or holds letters that pass for ASCII (a Cyrillic `а` in `repo:acme/app:ref:refs/heads/mаin`): it reads as one name and matches another. Write it in ASCII.' },

  // ── internal ──────────────────────────────────────────────────────────────────────────
  IAM9001: { severity: 'error', summary: 'internal error', doc: 'iamc hit a bug. Nothing was written. Please report it with the input that caused it.' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
