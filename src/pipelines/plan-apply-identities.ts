import { Construct, IConstruct } from 'constructs';
import { AppRegistration } from '../principals/app-registration';
import { IFederatedIdentityTarget } from '../principals/principal';
import { UserAssignedIdentity } from '../principals/user-assigned-identity';
import { invalid, problemsOf, throwProblems } from '../private/problems';
import { tenantIdRule } from '../private/rules';
import { checkedArgs, enumProblems, requiredProblems } from '../private/shape';
import { WorkloadIdentityKind } from '../workloads/keyless-workload';
import { AzureDevOpsPlanApply, AzureDevOpsPlanApplyOptions } from './azure-devops-plan-apply';
import { GitHubPlanApply, GitHubPlanApplyOptions } from './github-plan-apply';
import { HcpTerraformWorkspace } from './hcp-terraform-workspace';

/** Properties of `PlanApplyIdentities`. */
export interface PlanApplyIdentitiesProps {
  /** The identities' base name: the plan identity is `{name}-plan`, the apply identity `{name}-apply`. */
  readonly name: string;
  /** The Entra tenant. */
  readonly tenantId: string;
  /**
   * The kind of identities to create.
   * @default WorkloadIdentityKind.APP_REGISTRATION
   */
  readonly identityKind?: WorkloadIdentityKind;
  /**
   * Resource group of user-assigned identities.
   * @default - required with WorkloadIdentityKind.USER_ASSIGNED
   */
  readonly resourceGroupName?: string;
  /**
   * Region of user-assigned identities.
   * @default - required with WorkloadIdentityKind.USER_ASSIGNED
   */
  readonly location?: string;
  /**
   * The ARM scopes Terraform manages, by a name of yours (the assignments' construct ids): the plan
   * identity gets `Reader` on each, the apply identity `applyRoleName`.
   * @default - no Azure roles on managed scopes
   */
  readonly managedScopes?: { [name: string]: string };
  /**
   * The role the apply identity gets on each managed scope. `Contributor` cannot assign roles: a
   * configuration that creates role assignments also needs `Role Based Access Control Administrator`
   * (with a condition) or `User Access Administrator`.
   * @default "Contributor"
   */
  readonly applyRoleName?: string;
  /**
   * The ARM ID of the blob container that holds an azurerm backend's state, e.g.
   * `/subscriptions/.../resourceGroups/rg-tfstate/providers/Microsoft.Storage/storageAccounts/sttfstate/blobServices/default/containers/tfstate`.
   * Both identities get `Storage Blob Data Contributor` on it: a plan takes the state's lock, a
   * blob lease, which is a write (the backend with `use_azuread_auth = true`), and no built-in role
   * grants the lease without also letting the plan identity overwrite or delete the state. The plan
   * identity is read-only towards what Terraform manages, not towards its state: turn on blob
   * versioning and soft delete on the state container.
   * @default - no state role (state elsewhere, e.g. HCP Terraform)
   */
  readonly stateContainerScope?: string;
  /**
   * The configuration the identities run (a stack): the plan identity gets the Graph permissions a
   * read-only plan of it needs, the apply identity all it needs (see `LeastPrivilege`).
   * @default - no Graph permissions
   */
  readonly requiredBy?: IConstruct;
  /**
   * Allow tier-0 Graph permissions when `requiredBy` needs them.
   * @default false
   */
  readonly allowPrivileged?: boolean;
}

/** Where HCP Terraform plans and applies, for `PlanApplyIdentities.hcpTerraform`. */
export interface HcpTerraformPlanApplyOptions {
  /** The HCP Terraform organization. */
  readonly organization: string;
  /** The workspace's project. */
  readonly project: string;
  /** The workspace's name. */
  readonly workspace: string;
  /**
   * The workspace's ID.
   * @default - read by name through a `tfe_workspace` data source
   */
  readonly workspaceId?: string;
  /**
   * The Terraform Enterprise hostname.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
  /**
   * The subscription (`ARM_SUBSCRIPTION_ID`).
   * @default - no ARM_SUBSCRIPTION_ID variable
   */
  readonly subscriptionId?: string;
}

/**
 * A read-only plan identity and an apply identity, from one declaration, as the Azure Landing
 * Zones bootstrap separates them: `Reader` on the managed scopes for plan and a write role for
 * apply, `Storage Blob Data Contributor` on the state container for both, the Graph permissions a
 * plan needs for one and all the configuration needs for the other, and each pipeline's two trusts
 * through `github`, `azureDevOps` or `hcpTerraform`.
 *
 * @example
 * const identities = new PlanApplyIdentities(platformStack, 'Platform', {
 *   name: 'terraform-platform', tenantId, managedScopes: { Subscription: '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' },
 * });
 * identities.hcpTerraform(platformStack, 'Hcp', { organization: 'contoso', project: 'Platform', workspace: 'platform-prod' });
 */
export class PlanApplyIdentities extends Construct {
  /** The read-only identity plans sign in as. */
  public readonly plan: IFederatedIdentityTarget;
  /** The identity applies sign in as. */
  public readonly apply: IFederatedIdentityTarget;
  /** The tenant both live in. */
  public readonly tenantId: string;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: PlanApplyIdentitiesProps) {
    super(checkedArgs('PlanApplyIdentities.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['name', 'tenantId'], 'PlanApplyIdentitiesProps'),
      ...enumProblems('identityKind', props?.identityKind, WorkloadIdentityKind, 'WorkloadIdentityKind'),
      ...problemsOf('tenantId', props?.tenantId, tenantIdRule),
    ]);
    this.tenantId = props.tenantId;
    this.plan = this.createIdentity('Plan', `${props.name}-plan`, props);
    this.apply = this.createIdentity('Apply', `${props.name}-apply`, props);

    for (const [name, armScope] of Object.entries(props.managedScopes ?? {})) {
      this.plan.grantAzureRole(`Reader${name}`, { armScope, roleDefinitionName: 'Reader' });
      this.apply.grantAzureRole(`Write${name}`, { armScope, roleDefinitionName: props.applyRoleName ?? 'Contributor' });
    }
    if (props.stateContainerScope !== undefined) {
      for (const identity of [this.plan, this.apply]) {
        identity.grantAzureRole('State', { armScope: props.stateContainerScope, roleDefinitionName: 'Storage Blob Data Contributor' });
      }
    }
    if (props.requiredBy !== undefined) {
      this.plan.grantGraphAppRolesRequiredBy('Graph', props.requiredBy, { readOnly: true, allowPrivileged: props.allowPrivileged });
      this.apply.grantGraphAppRolesRequiredBy('Graph', props.requiredBy, { allowPrivileged: props.allowPrivileged });
    }
  }

  /**
   * GitHub Actions: pull requests (or a branch) plan as the plan identity with the repository's
   * variables, the apply environment applies as the apply identity with its own.
   *
   * @param scope where the GitHub resources and the credentials go (a stack with github and azurerm/azuread providers)
   * @param id the construct id, unique within scope
   * @param options the repository, the apply environment and the plan branch
   */
  public github(scope: Construct, id: string, options: GitHubPlanApplyOptions): GitHubPlanApply {
    checkedArgs('PlanApplyIdentities.github', [scope, id, options]);
    return new GitHubPlanApply(scope, id, { ...options, planIdentity: this.plan, applyIdentity: this.apply, tenantId: this.tenantId });
  }

  /**
   * Azure Pipelines: two workload identity federation service connections, one per identity.
   *
   * @param scope where the connections and the credentials go (a stack with azuredevops and azurerm/azuread providers)
   * @param id the construct id, unique within scope
   * @param options the project, the two connections' names and the subscription
   */
  public azureDevOps(scope: Construct, id: string, options: AzureDevOpsPlanApplyOptions): AzureDevOpsPlanApply {
    checkedArgs('PlanApplyIdentities.azureDevOps', [scope, id, options]);
    return new AzureDevOpsPlanApply(scope, id, { ...options, planIdentity: this.plan, applyIdentity: this.apply, tenantId: this.tenantId });
  }

  /**
   * HCP Terraform: the workspace's `TFC_AZURE_PLAN_CLIENT_ID` and `TFC_AZURE_APPLY_CLIENT_ID` point
   * at the two identities, each trusting its run phase.
   *
   * @param scope where the variables and the credentials go (a stack with tfe and azurerm/azuread providers)
   * @param id the construct id, unique within scope
   * @param options the workspace
   */
  public hcpTerraform(scope: Construct, id: string, options: HcpTerraformPlanApplyOptions): HcpTerraformWorkspace {
    checkedArgs('PlanApplyIdentities.hcpTerraform', [scope, id, options]);
    return new HcpTerraformWorkspace(scope, id, { ...options, planIdentity: this.plan, applyIdentity: this.apply, tenantId: this.tenantId });
  }

  private createIdentity(id: string, name: string, props: PlanApplyIdentitiesProps): IFederatedIdentityTarget {
    if ((props.identityKind ?? WorkloadIdentityKind.APP_REGISTRATION) === WorkloadIdentityKind.APP_REGISTRATION) {
      return new AppRegistration(this, id, { displayName: name });
    }
    if (props.resourceGroupName === undefined || props.location === undefined) {
      throw invalid(this, {
        property: props.resourceGroupName === undefined ? 'resourceGroupName' : 'location', value: undefined,
        problem: 'user-assigned identities need a resource group and a region',
        fix: 'pass resourceGroupName and location, or use WorkloadIdentityKind.APP_REGISTRATION',
      });
    }
    return new UserAssignedIdentity(this, id, { name, resourceGroupName: props.resourceGroupName, location: props.location });
  }
}
