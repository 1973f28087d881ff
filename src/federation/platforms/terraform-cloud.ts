import { TOKEN_EXCHANGE_AUDIENCE, nonEmptyProblems } from '../../private/federation-rules';
import { isLiteral, literal, Problem, problemsOf } from '../../private/problems';
import { hcpOrganizationNameRule, hcpProjectNameRule } from '../../private/platform-names';
import { enumProblems, given, requiredProblems } from '../../private/shape';
import { FlexibleTrustSpec, TrustPlatform, TrustSpec, flexibleSpec } from '../trust-spec';

/** The phase of an HCP Terraform run; the token's subject ends with `run_phase:plan` or `run_phase:apply`. */
export enum TerraformRunPhase {
  /** `terraform plan`. */
  PLAN = 'plan',
  /** `terraform apply`. */
  APPLY = 'apply',
}

/** An HCP Terraform workspace, for `Trust.terraformCloudRunPhases`. */
export interface TerraformCloudWorkspaceProps {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The project that holds the workspace, e.g. `Default Project`. */
  readonly project: string;
  /** The workspace's name. */
  readonly workspace: string;
  /**
   * The Terraform Enterprise hostname, without a scheme.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/** One run phase of an HCP Terraform workspace, for `Trust.terraformCloud`. */
export interface TerraformCloudTrustProps extends TerraformCloudWorkspaceProps {
  /** The run phase to trust. A workspace that plans and applies needs both; see `Trust.terraformCloudRunPhases`. */
  readonly runPhase: TerraformRunPhase;
}

/** An HCP Terraform pattern, for `FlexibleTrust.terraformCloud`. Give `workspacePattern` or `claimsMatchingExpression`. */
export interface FlexibleTerraformCloudTrustProps {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The project, e.g. `Default Project`. */
  readonly project: string;
  /**
   * Workspaces to trust, with `*` and `?` wildcards, e.g. `m365-*`.
   * @default - not a workspace pattern
   */
  readonly workspacePattern?: string;
  /**
   * The run phase to trust.
   * @default - both plan and apply
   */
  readonly runPhase?: TerraformRunPhase;
  /**
   * A full claims-matching expression over `claims['sub']`.
   * @default - not a custom expression
   */
  readonly claimsMatchingExpression?: string;
  /**
   * The HCP Terraform region host: `app.terraform.io` or `app.eu.terraform.io` (Terraform Enterprise
   * hosts are not supported by flexible credentials).
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

/** The hosts whose tokens flexible credentials accept (Microsoft Learn, "Flexible federated identity credentials"). */
const FLEXIBLE_HOSTS = ['app.terraform.io', 'app.eu.terraform.io'];

/**
 * HCP Terraform workspace names: letters, digits, "-" and "_", at most 90 characters (HCP Terraform
 * docs, "Create workspaces"); a pattern may add "*" and "?".
 */
function workspaceProblems(property: string, value: string, pattern: boolean): Problem[] {
  const allowed = pattern ? /^[A-Za-z0-9_*?-]{1,90}$/ : /^[A-Za-z0-9_-]{1,90}$/;
  if (allowed.test(value)) return [];
  const problem = value.length === 0 ? 'a workspace name must not be empty'
    : value.length > 90 ? `HCP Terraform workspace names have at most 90 characters; this one has ${value.length}`
      : `HCP Terraform workspace names have only letters, digits, "-" and "_"${pattern ? ' (and the wildcards "*" and "?")' : ''}`;
  return [{ property, value, problem, fix: 'use the workspace name exactly as HCP Terraform shows it' }];
}

const RUN_PHASES = 'HCP Terraform tokens carry run_phase plan or apply';

/** The organization and project are parts of the subject: neither may be empty, and each follows HCP Terraform's naming rule. */
function organizationProblems(props: { organization: string; project: string }): Problem[] {
  return [
    ...literal(props.organization, (v) => nonEmptyProblems('organization', v)), ...problemsOf('organization', props.organization, hcpOrganizationNameRule),
    ...literal(props.project, (v) => nonEmptyProblems('project', v)), ...problemsOf('project', props.project, hcpProjectNameRule),
  ];
}

/** Subject `organization:{org}:project:{project}:workspace:{workspace}:run_phase:{plan|apply}`. */
export function terraformCloudTrust(input: TerraformCloudTrustProps): TrustSpec {
  const props = given(input);
  const problems: Problem[] = [
    ...requiredProblems(props, ['organization', 'project', 'workspace', 'runPhase'], 'TerraformCloudTrustProps'),
    ...enumProblems('runPhase', props.runPhase, TerraformRunPhase, 'TerraformRunPhase', RUN_PHASES),
    ...organizationProblems(props),
    ...literal(props.workspace, (v) => workspaceProblems('workspace', v, false)),
  ];
  const hostname = props.hostname ?? 'app.terraform.io';
  if (isLiteral(hostname) && /[/:\s]/.test(hostname)) {
    problems.push({ property: 'hostname', value: hostname, problem: 'give the bare hostname; the issuer is https://{hostname}', fix: `use "${hostname.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}"` });
  }
  return {
    platform: TrustPlatform.TERRAFORM_CLOUD,
    issuer: `https://${hostname}`,
    subject: `organization:${props.organization}:project:${props.project}:workspace:${props.workspace}:run_phase:${props.runPhase}`,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    description: `HCP Terraform ${props.organization}/${props.project}/${props.workspace} ${props.runPhase}`,
    nameParts: ['tfc', props.organization, props.project, props.workspace, props.runPhase],
    problems,
  };
}

/** Workspaces of an HCP Terraform project by pattern, or a custom expression over `sub`. */
export function flexibleTerraformCloudTrust(input: FlexibleTerraformCloudTrustProps): FlexibleTrustSpec {
  const props = given(input);
  const hostname = props.hostname ?? 'app.terraform.io';
  const phase = props.runPhase ?? '*';
  const unsupported = isLiteral(hostname) && !FLEXIBLE_HOSTS.includes(hostname);
  return flexibleSpec({
    issuer: `https://${hostname}`,
    audience: TOKEN_EXCHANGE_AUDIENCE,
    claims: ['sub'],
    selectors: {
      workspacePattern: props.workspacePattern === undefined ? undefined
        : `organization:${props.organization}:project:${props.project}:workspace:${props.workspacePattern}:run_phase:${phase}`,
    },
    claimsMatchingExpression: props.claimsMatchingExpression,
    description: `HCP Terraform ${props.organization}/${props.project}`,
    nameParts: ['tfc', props.organization, props.project],
    problems: [
      ...requiredProblems(props, ['organization', 'project'], 'FlexibleTerraformCloudTrustProps'),
      ...enumProblems('runPhase', props.runPhase, TerraformRunPhase, 'TerraformRunPhase', RUN_PHASES),
      ...organizationProblems(props),
      ...literal(props.workspacePattern, (v) => workspaceProblems('workspacePattern', v, true)),
      ...(unsupported ? [{
        property: 'hostname', value: hostname,
        problem: 'flexible credentials accept HCP Terraform tokens only from app.terraform.io and app.eu.terraform.io',
        fix: 'use ordinary credentials (Trust.terraformCloudRunPhases) per workspace for Terraform Enterprise',
      }] : []),
    ],
  });
}
