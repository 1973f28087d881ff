import { Construct } from 'constructs';
import { Runner } from '../runners/runner';
import { ICredentialTarget } from '../core/principal';
import { FederatedCredential } from '../federation/federated-credential';
import { TerraformRunPhase } from '../federation/platforms/terraform-cloud';
import { Trust } from '../federation/trust';
import { environmentVariableNameRule, workspaceIdRule } from '../private/pipeline-rules';
import { Problem, isLiteral, problemsOf, throwProblems } from '../private/problems';
import { guid, tenantIdRule } from '../private/rules';
import { recordPipeline } from '../private/review-facts';
import { checkedArgs, conform, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { DataTfeWorkspace } from './bindings/data-tfe-workspace';
import { TfeVariable } from './bindings/tfe-variable';
import { refuseSensitiveReferences, variableProblems } from './variables';

/** Properties of an `HcpTerraformWorkspace`. Give `identity`, or `planIdentity` and `applyIdentity`. */
export interface HcpTerraformWorkspaceProps {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The project that holds the workspace, e.g. `Default Project` (part of the token's subject). */
  readonly project: string;
  /** The workspace's name (part of the token's subject). */
  readonly workspace: string;
  /**
   * The workspace's ID, `ws-...`.
   * @default - read by name through a `tfe_workspace` data source
   */
  readonly workspaceId?: string;
  /**
   * The Terraform Enterprise hostname, without a scheme.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
  /**
   * The identity both run phases sign in as (`TFC_AZURE_RUN_CLIENT_ID`).
   * @default - give planIdentity and applyIdentity
   */
  readonly identity?: ICredentialTarget;
  /**
   * The identity plans sign in as (`TFC_AZURE_PLAN_CLIENT_ID`): give it read rights only.
   * @default - give identity
   */
  readonly planIdentity?: ICredentialTarget;
  /**
   * The identity applies sign in as (`TFC_AZURE_APPLY_CLIENT_ID`).
   * @default - give identity
   */
  readonly applyIdentity?: ICredentialTarget;
  /**
   * The tenant (`ARM_TENANT_ID`).
   * @default - the identities' tenant
   */
  readonly tenantId?: string;
  /**
   * The subscription azurerm manages (`ARM_SUBSCRIPTION_ID`).
   * @default - no ARM_SUBSCRIPTION_ID variable
   */
  readonly subscriptionId?: string;
  /**
   * More plain environment variables of the workspace, name to value (secret-looking names and
   * values, and references to sensitive Terraform variables, are refused).
   * @default - none
   */
  readonly variables?: { [name: string]: string };
}

/** The variables HCP Terraform reads for Azure dynamic credentials (HCP Terraform docs, "Dynamic credentials with the Azure provider"). */
const RESERVED = ['TFC_AZURE_PROVIDER_AUTH', 'TFC_AZURE_RUN_CLIENT_ID', 'TFC_AZURE_PLAN_CLIENT_ID', 'TFC_AZURE_APPLY_CLIENT_ID', 'ARM_TENANT_ID', 'ARM_SUBSCRIPTION_ID'];

const subscriptionIdRule = guid('subscription ID', '`az account show --query id`');

/**
 * An HCP Terraform workspace's side of Azure dynamic credentials, and the identities' side, from one
 * declaration: the workspace's environment variables (`tfe_variable`, category `env`, never
 * sensitive) `TFC_AZURE_PROVIDER_AUTH = true`, `TFC_AZURE_RUN_CLIENT_ID` (one identity) or
 * `TFC_AZURE_PLAN_CLIENT_ID` and `TFC_AZURE_APPLY_CLIENT_ID` (two), `ARM_TENANT_ID` and
 * `ARM_SUBSCRIPTION_ID`; and one federated credential per run phase, for the subject
 * `organization:{o}:project:{p}:workspace:{w}:run_phase:{plan|apply}` of the same workspace, on the
 * identity that phase signs in as.
 *
 * The stack needs a `TfeProvider`, and azurerm (identities) or azuread (apps) for the credentials.
 *
 * @example
 * new HcpTerraformWorkspace(stack, 'PlatformProd', {
 *   organization: 'contoso', project: 'Platform', workspace: 'platform-prod',
 *   planIdentity: reader, applyIdentity: writer, subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
 * });
 */
export class HcpTerraformWorkspace extends Construct {
  /** The workspace's ID (a reference when read by name). */
  public readonly workspaceId: string;
  /** The identity plans sign in as. */
  public readonly planIdentity: ICredentialTarget;
  /** The identity applies sign in as. */
  public readonly applyIdentity: ICredentialTarget;
  /** The tenant both sign in to. */
  public readonly tenantId: string;
  /** The plan phase's federated credential. */
  public readonly planCredential: FederatedCredential;
  /** The apply phase's federated credential. */
  public readonly applyCredential: FederatedCredential;
  /** The variables written, by name. */
  public readonly variables: { [name: string]: string };
  private readonly workspaceProps: HcpTerraformWorkspaceProps;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: HcpTerraformWorkspaceProps) {
    super(checkedArgs('HcpTerraformWorkspace.constructor', [scope, id, props]), id);
    throwProblems(this, [...requiredProblems(props, ['organization', 'project', 'workspace'], 'HcpTerraformWorkspaceProps'), ...identityProblems(props)]);
    const plan = (props.planIdentity ?? props.identity)!;
    const apply = (props.applyIdentity ?? props.identity)!;
    const [planTrust, applyTrust] = [TerraformRunPhase.PLAN, TerraformRunPhase.APPLY].map((runPhase) => Trust.terraformCloud({
      organization: props.organization, project: props.project, workspace: props.workspace, hostname: props.hostname, runPhase,
    }));
    throwProblems(this, [
      ...planTrust._problems,
      ...problemsOf('workspaceId', props.workspaceId, workspaceIdRule),
      ...problemsOf('tenantId', props.tenantId, tenantIdRule),
      ...problemsOf('subscriptionId', props.subscriptionId, subscriptionIdRule),
      ...tenantProblems('tenantId', props.tenantId ?? apply.tenantId, plan),
      ...tenantProblems('tenantId', props.tenantId, apply),
      ...variableProblems('variables', props.variables ?? {}, environmentVariableNameRule, RESERVED),
    ]);
    refuseSensitiveReferences(this, 'variables', props.variables ?? {});
    this.planIdentity = plan;
    this.applyIdentity = apply;
    this.workspaceProps = props;
    const shared = plan === apply;
    this.tenantId = props.tenantId ?? apply.tenantId;
    const place = `${props.organization}/${props.workspace} (project ${props.project})`;
    this.workspaceId = props.workspaceId ?? new DataTfeWorkspace(this, 'Workspace', { name: props.workspace, organization: props.organization }).id;

    const variables: Array<[string, string]> = [
      ['TFC_AZURE_PROVIDER_AUTH', 'true'],
      ...(shared
        ? [['TFC_AZURE_RUN_CLIENT_ID', plan.clientId] as [string, string]]
        : [['TFC_AZURE_PLAN_CLIENT_ID', plan.clientId], ['TFC_AZURE_APPLY_CLIENT_ID', apply.clientId]] as Array<[string, string]>),
      ['ARM_TENANT_ID', this.tenantId],
      ...(props.subscriptionId !== undefined ? [['ARM_SUBSCRIPTION_ID', props.subscriptionId] as [string, string]] : []),
      ...Object.entries(props.variables ?? {}),
    ];
    for (const [key, value] of variables) new TfeVariable(this, key, { workspaceId: this.workspaceId, key, value });
    this.variables = Object.fromEntries(variables);
    this.planCredential = new FederatedCredential(this, 'PlanCredential', { target: plan, trust: planTrust });
    this.applyCredential = new FederatedCredential(this, 'ApplyCredential', { target: apply, trust: applyTrust });
    // Each phase's identity is shown with the variables it reads: the shared ones and its own client ID.
    const phase = (principal: ICredentialTarget, label: string, own: string) => recordPipeline({
      holder: this, principal, platform: 'HCP Terraform', place: `${place}, ${label}`,
      settings: variables.filter(([name]) => !/^TFC_AZURE_(RUN|PLAN|APPLY)_CLIENT_ID$/.test(name) || name === own),
    });
    if (shared) phase(plan, 'plan and apply', 'TFC_AZURE_RUN_CLIENT_ID');
    else {
      phase(plan, 'plan', 'TFC_AZURE_PLAN_CLIENT_ID');
      phase(apply, 'apply', 'TFC_AZURE_APPLY_CLIENT_ID');
    }
  }

  /**
   * Where Terraform runs: this workspace, in one run phase or both. Give it to the providers of the
   * configuration the workspace runs (`runner.providerAuth(identity)`, or `KeylessWorkload`'s
   * `runner`), and the chain's checks hold them to this workspace's trusts.
   *
   * @param runPhase the phase whose token signs in; both when omitted
   */
  public runner(runPhase?: TerraformRunPhase): Runner {
    conform(this.node.path, 'HcpTerraformWorkspace.runner', [runPhase]);
    const { organization, project, workspace, hostname } = this.workspaceProps;
    return Runner.hcpTerraform({ organization, project, workspace, hostname, runPhase });
  }

}

function identityProblems(props: HcpTerraformWorkspaceProps): Problem[] {
  if (!props) return [];
  const split = props.planIdentity !== undefined || props.applyIdentity !== undefined;
  if (props.identity !== undefined && !split) return [];
  if (props.identity === undefined && props.planIdentity !== undefined && props.applyIdentity !== undefined) return [];
  const given = (['identity', 'planIdentity', 'applyIdentity'] as const).filter((k) => props[k] !== undefined);
  return [{
    property: 'identity | planIdentity, applyIdentity',
    value: given.length ? given.map((k) => (isLiteral(props[k]!.node.path) ? `${k}=${props[k]!.node.path}` : k)).join(', ') : undefined,
    problem: 'a workspace signs in as one identity in both phases, or as one per phase',
    fix: 'give identity alone, or planIdentity and applyIdentity together',
  }];
}
