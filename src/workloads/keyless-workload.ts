import { Construct, IConstruct } from 'constructs';
import type { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { RequiredAppRoleGrant, RequiredGrantOptions } from '../least-privilege/required-app-role-grant';
import { IEntraPrincipal, IGrantable } from '../core/principal';
import { isCredentialTarget, trustedTokens } from '../federation/credential-registry';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust } from '../federation/trust';
import { AppRoleGrant, GrantOptions } from '../permissions/app-role-grant';
import { AzureRoleAssignment, AzureRoleOptions } from '../permissions/azure-role-assignment';
import { AppRegistration } from '../principals/app-registration';
import { IPrincipal } from '../principals/principal';
import { UserAssignedIdentity } from '../principals/user-assigned-identity';
import { credentialName } from '../private/federation-rules';
import { check, describeProblem, invalid, throwProblems } from '../private/problems';
import { checkedArgs, conform, enumProblems, listProblems, pathFor, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { tenantIdRule } from '../private/rules';
import { TerraformProviderKind } from '../providers/auth-method';
import { AzureProviders } from '../providers/azure-providers';
import { AzureDevOpsProvider } from '../providers/azuredevops-provider';
import { Microsoft365Cloud, Microsoft365Provider } from '../providers/microsoft365-provider';
import { ProviderAuth, providerKindProblems } from '../providers/provider-auth';
import { Runner } from '../runners/runner';
import { KubernetesServiceAccount } from './kubernetes-service-account';

/** Which identity a `KeylessWorkload` creates. */
export enum WorkloadIdentityKind {
  /** An Entra app registration with its service principal; needs no Azure resource group. */
  APP_REGISTRATION = 'AppRegistration',
  /** A user-assigned managed identity; needs `resourceGroupName` and `location`. */
  USER_ASSIGNED = 'UserAssigned',
}

/** Properties of a `KeylessWorkload`. */
export interface KeylessWorkloadProps {
  /** The identity's name (the app's display name, or the managed identity's resource name). */
  readonly name: string;
  /** The Entra tenant the workload signs in to. */
  readonly tenantId: string;
  /**
   * The kind of identity to create.
   * @default WorkloadIdentityKind.APP_REGISTRATION
   */
  readonly identityKind?: WorkloadIdentityKind;
  /**
   * Resource group of a user-assigned identity.
   * @default - required with WorkloadIdentityKind.USER_ASSIGNED
   */
  readonly resourceGroupName?: string;
  /**
   * Region of a user-assigned identity.
   * @default - required with WorkloadIdentityKind.USER_ASSIGNED
   */
  readonly location?: string;
  /**
   * Where Terraform runs as this workload. The workload's providers and environment sign in from
   * there, and, without `trusts`, the identity trusts exactly the runner's tokens.
   * @default - inferred only where the trusts leave no doubt: exactly one Kubernetes trust (AKS
   * workload identity), exactly one GitHub Actions trust (GitHub OIDC), or no trust for a managed
   * identity (the machine wears it); otherwise pass a runner here or to each provider
   */
  readonly runner?: Runner;
  /**
   * The tokens the identity trusts, one federated credential each.
   * @default - the runner's trusts (`runner.trustsFor`); with no runner, none: the identity is used by Azure compute it is attached to
   */
  readonly trusts?: Trust[];
  /**
   * Microsoft Graph application permissions to grant, by name.
   * @default - none
   */
  readonly graphPermissions?: string[];
  /**
   * Allow tier-0 Graph permissions (see `PrivilegeTier`).
   * @default false
   */
  readonly allowPrivileged?: boolean;
  /**
   * Use this identity instead of creating one: any principal, including a VM's system-assigned identity
   * (then there can be no trusts).
   * @default - a new identity of `identityKind`
   */
  readonly existingIdentity?: IPrincipal;
}

/** Options shared by the workload's provider methods. */
export interface WorkloadProviderOptions {
  /**
   * Provider alias.
   * @default - the default provider
   */
  readonly alias?: string;
  /**
   * How the provider signs in. Give either this or `runner`.
   * @default - from the runner
   */
  readonly auth?: ProviderAuth;
  /**
   * Where this provider's Terraform runs, when it is not the workload's runner (a workload that both a
   * GitHub workflow and an HCP Terraform workspace run, say).
   * @default - the workload's runner, or the one its trusts leave no doubt about
   */
  readonly runner?: Runner;
}

/** Options of `KeylessWorkload.microsoft365Provider`. */
export interface WorkloadMicrosoft365ProviderOptions extends WorkloadProviderOptions {
  /**
   * The Microsoft 365 cloud.
   * @default - the provider's default, public
   */
  readonly cloud?: Microsoft365Cloud;
}

/** Options of `KeylessWorkload.azureDevOpsProvider`. */
export interface WorkloadAzureDevOpsProviderOptions extends WorkloadProviderOptions {
  /** The organization's URL, `https://dev.azure.com/{organization}`. */
  readonly orgServiceUrl: string;
}

/** Options of `KeylessWorkload.azurermProvider`. */
export interface WorkloadAzurermProviderOptions extends WorkloadProviderOptions {
  /**
   * The subscription to manage.
   * @default - `ARM_SUBSCRIPTION_ID` at run time
   */
  readonly subscriptionId?: string;
}

/** Options of `KeylessWorkload.kubernetesServiceAccount`. */
export interface WorkloadServiceAccountOptions {
  /** The service account's namespace. */
  readonly namespace: string;
  /** The service account's name. */
  readonly name: string;
  /**
   * Lifetime of the projected token, 3600 to 86400 seconds.
   * @default - the webhook's default, 3600
   */
  readonly tokenExpirationSeconds?: number;
}

/**
 * A workload that runs Terraform (or calls Graph) with no secret, in one call: its identity, the
 * tokens it trusts, its Graph permissions, and, for the workload's own stack, provider blocks and
 * environment variables already set to sign in as it.
 *
 * @example
 * const intune = new KeylessWorkload(identityStack, 'Intune', {
 *   name: 'terraform-intune', tenantId,
 *   trusts: [Trust.kubernetes({ issuerUrl, namespace: 'terraform', serviceAccountName: 'intune' })],
 *   graphPermissions: ['DeviceManagementConfiguration.Read.All'],
 * });
 * intune.microsoft365Provider(workloadStack, 'M365');
 */
export class KeylessWorkload extends Construct implements IGrantable {
  /** The identity the workload signs in as. */
  public readonly identity: IPrincipal;
  /** The tenant the workload signs in to. */
  public readonly tenantId: string;
  /** The identity's client ID; undefined for a system-assigned identity, which is used through IMDS only. */
  public readonly clientId?: string;
  /** One federated credential per trust, in order. */
  public readonly credentials: FederatedCredential[];
  /** The Graph grant, when `graphPermissions` were given. */
  public readonly graphGrant?: AppRoleGrant;
  /** Where Terraform runs as this workload, when given or inferred without doubt. */
  public readonly runner?: Runner;
  private readonly trusts: Trust[];
  private guessChecked = false;
  private readonly runnerGiven: boolean;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: KeylessWorkloadProps) {
    super(checkedArgs('KeylessWorkload.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['name', 'tenantId'], 'KeylessWorkloadProps'),
      ...enumProblems('identityKind', props.identityKind, WorkloadIdentityKind, 'WorkloadIdentityKind'),
      ...listProblems('trusts', props.trusts, '[Trust.kubernetes({ ... })]'),
      ...listProblems('graphPermissions', props.graphPermissions, '["User.Read.All"]'),
    ]);
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    if (props.runner) throwProblems(this, props.runner._problems.map((p) => ({ ...p, property: `runner.${p.property}` })));
    this.tenantId = props.tenantId;
    if (props.existingIdentity && (props.identityKind !== undefined || props.resourceGroupName !== undefined || props.location !== undefined)) {
      throw invalid(this, {
        property: 'existingIdentity', value: props.existingIdentity.node.path,
        problem: 'it replaces the identity the workload would create, so identityKind, resourceGroupName and location do not apply',
        fix: 'pass either existingIdentity or those properties',
      });
    }
    if (props.existingIdentity) throwProblems(this, tenantProblems('tenantId', props.tenantId, props.existingIdentity));
    const identity = props.existingIdentity ?? this.createIdentity(props);
    this.identity = identity;
    this.clientId = identity.signIn.clientId;
    this.trusts = props.trusts ?? props.runner?.trustsFor(identity) ?? [];
    this.runner = props.runner ?? Runner._inferredFrom(this.trusts);
    this.runnerGiven = props.runner !== undefined;
    this.credentials = this.trusts.length ? this.addTrusts(identity) : [];
    if (props.graphPermissions?.length) {
      // Under the identity, where the grant has always been: its address must not move.
      this.graphGrant = identity.grantGraphAppRoles('Graph', props.graphPermissions, { allowPrivileged: props.allowPrivileged });
    }
  }

  /** The workload's identity, which receives what is granted to the workload. */
  public get grantPrincipal(): IEntraPrincipal {
    return this.identity;
  }

  /**
   * Grants Microsoft Graph application permissions to the workload's identity, by name.
   *
   * @param id construct id of the grant, under this workload
   * @param permissions application permission names, e.g. `['User.Read.All']`
   * @param options tier-0 and unknown-permission opt-ins
   */
  public grantGraphAppRoles(id: string, permissions: string[], options: GrantOptions = {}): AppRoleGrant {
    conform(pathFor(this, id), 'KeylessWorkload.grantGraphAppRoles', [id, permissions, options]);
    return new AppRoleGrant(this, id, { ...options, principal: this, permissions });
  }

  /**
   * Grants the workload's identity exactly the Graph application permissions the resources under
   * `scope` need (see `RequiredAppRoleGrant`), worked out when this workload's stack synthesizes.
   *
   * @param id construct id of the grant, under this workload
   * @param scope the configuration the workload runs: typically its own stack
   * @param options the tier-0 opt-in
   */
  public grantGraphAppRolesRequiredBy(id: string, scope: IConstruct, options: RequiredGrantOptions = {}): RequiredAppRoleGrant {
    conform(pathFor(this, id), 'KeylessWorkload.grantGraphAppRolesRequiredBy', [id, scope, options]);
    return new RequiredAppRoleGrant(this, id, { ...options, principal: this, requiredBy: scope });
  }

  /**
   * Grants the workload's identity an Azure RBAC role on a scope.
   *
   * @param id construct id of the assignment, under this workload
   * @param options the ARM scope and the role
   */
  public grantAzureRole(id: string, options: AzureRoleOptions): AzureRoleAssignment {
    conform(pathFor(this, id), 'KeylessWorkload.grantAzureRole', [id, options]);
    return new AzureRoleAssignment(this, id, { ...options, principal: this });
  }

  /**
   * How providers sign in as this workload: from its runner, or from the runner its trusts leave no
   * doubt about (exactly one Kubernetes trust: AKS workload identity; exactly one GitHub Actions
   * trust: GitHub OIDC; a managed identity with no trust: the machine wears it). Anything else is an
   * error that asks for the runner: guessing would sign in through IMDS where no identity is attached.
   */
  public get providerAuth(): ProviderAuth {
    return this.authFrom(undefined, undefined);
  }

  /**
   * A microsoft365 provider signing in as this workload.
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options alias, cloud and auth
   */
  public microsoft365Provider(scope: Construct, id: string, options: WorkloadMicrosoft365ProviderOptions = {}): Microsoft365Provider {
    checkedArgs('KeylessWorkload.microsoft365Provider', [scope, id, options]);
    return new Microsoft365Provider(scope, id, { tenantId: this.tenantId, auth: this.authFrom(options.auth, options.runner), cloud: options.cloud, alias: options.alias });
  }

  /**
   * An azuredevops provider signing in as this workload (add the identity to the organization with `AzureDevOpsAccess`).
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options the organization URL, alias and auth
   */
  public azureDevOpsProvider(scope: Construct, id: string, options: WorkloadAzureDevOpsProviderOptions): AzureDevOpsProvider {
    checkedArgs('KeylessWorkload.azureDevOpsProvider', [scope, id, options]);
    throwProblems(this, requiredProblems(options, ['orgServiceUrl'], 'WorkloadAzureDevOpsProviderOptions'));
    const auth = this.authFrom(options.auth, options.runner);
    return new AzureDevOpsProvider(scope, id, { orgServiceUrl: options.orgServiceUrl, tenantId: this.tenantId, auth, alias: options.alias });
  }

  /**
   * An azurerm provider signing in as this workload.
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options subscription, alias and auth
   */
  public azurermProvider(scope: Construct, id: string, options: WorkloadAzurermProviderOptions = {}): AzurermProvider {
    checkedArgs('KeylessWorkload.azurermProvider', [scope, id, options]);
    const auth = this.authFrom(options.auth, options.runner);
    return AzureProviders.azurerm(scope, id, { tenantId: this.tenantId, subscriptionId: options.subscriptionId, auth, alias: options.alias });
  }

  /**
   * An azuread provider signing in as this workload.
   *
   * @param scope the stack that holds the provider
   * @param id the provider's construct id
   * @param options alias and auth
   */
  public azureadProvider(scope: Construct, id: string, options: WorkloadProviderOptions = {}): AzureadProvider {
    checkedArgs('KeylessWorkload.azureadProvider', [scope, id, options]);
    return AzureProviders.azuread(scope, id, { tenantId: this.tenantId, auth: this.authFrom(options.auth, options.runner), alias: options.alias });
  }

  /**
   * The environment variables that make `provider` sign in as this workload, from its runner or `runner`.
   *
   * @param provider the provider whose variables to list
   * @param runner where Terraform runs, when it is not the workload's runner
   */
  public environment(provider: TerraformProviderKind, runner?: Runner): { [name: string]: string } {
    throwProblems(this, providerKindProblems(provider));
    conform(this.node.path, 'KeylessWorkload.environment', [provider, runner], 1);
    const auth = this.authFrom(undefined, runner);
    throwProblems(this, auth._problems);
    throwProblems(this, auth._settings(provider, auth.tenantId).problems(auth, 'environment'));
    return auth.environment(provider);
  }

  /**
   * The annotated ServiceAccount for pods that sign in as this workload (it needs a matching Kubernetes trust).
   *
   * @param scope the stack whose output folder receives the manifest
   * @param id the service account's construct id
   * @param options namespace, name and token lifetime
   */
  public kubernetesServiceAccount(scope: Construct, id: string, options: WorkloadServiceAccountOptions): KubernetesServiceAccount {
    checkedArgs('KeylessWorkload.kubernetesServiceAccount', [scope, id, options]);
    throwProblems(this, requiredProblems(options, ['namespace', 'name'], 'WorkloadServiceAccountOptions'));
    const identity = this.identity;
    if (!isCredentialTarget(identity)) {
      throw invalid(this, {
        property: 'identity', value: identity.node.path,
        problem: 'a system-assigned identity cannot back a Kubernetes service account', fix: 'use a user-assigned identity or app registration',
      });
    }
    return new KubernetesServiceAccount(scope, id, { ...options, identity, tenantId: this.tenantId });
  }

  /** The auth a provider gets: the one given, or the runner's (given, the workload's, or inferred without doubt). */
  private authFrom(auth: ProviderAuth | undefined, runner: Runner | undefined): ProviderAuth {
    if (auth && (runner || this.runner && this.runnerGiven)) {
      throw invalid(this, {
        property: 'auth', value: auth.method,
        problem: `a runner (${(runner ?? this.runner)!.description}) already says how providers sign in, and a sign-in has one source`,
        fix: 'drop auth and let the runner choose, or drop the runner',
      });
    }
    if (auth) return auth;
    const guessed = !runner && !this.runner && this.trusts.length === 0 && this.identity.signIn.viaManagedIdentity;
    const chosen = runner ?? this.runner ?? (guessed ? Runner.azureCompute() : undefined);
    if (guessed) this.refuseTrustsAddedElsewhere();
    if (chosen) {
      if (runner) throwProblems(this, runner._problems.map((p) => ({ ...p, property: `runner.${p.property}` })));
      return chosen.providerAuth(this.identity, { tenantId: this.tenantId });
    }
    const platforms = [...new Set(this.trusts.map((t) => t.platform))].join(', ');
    throw invalid(this, {
      property: 'runner', value: undefined,
      problem: this.trusts.length
        ? `the library cannot tell where Terraform runs: the workload trusts ${this.trusts.length} token(s) (${platforms}), and only exactly one Kubernetes or GitHub Actions trust leaves no doubt`
        : 'the library cannot tell where Terraform runs: an app registration with no trust is worn by no machine',
      fix: 'pass runner (to the workload, or to this provider or environment call), e.g. Runner.githubActions({ owner, repository, environment }), '
        + 'Runner.hcpTerraform({ organization, project, workspace }), Runner.azurePipelines({ serviceConnection }) or Runner.azureCompute({ identity })',
    });
  }

  /**
   * The managed-identity guess holds only while the identity trusts no token: a trust added to it
   * elsewhere in the app (after this workload, or on an existing identity) says Terraform may run where
   * no machine wears it. Checked once the tree is complete, once per workload.
   */
  private refuseTrustsAddedElsewhere(): void {
    if (this.guessChecked) return;
    this.guessChecked = true;
    this.node.addValidation({
      validate: () => {
        const trusted = trustedTokens(this.identity);
        if (trusted.length === 0) return [];
        return [describeProblem({
          property: 'runner', value: undefined,
          problem: `providers sign in through the machine's managed identity because the workload declares no trust, but ${this.identity.node.path} `
            + `trusts ${trusted.length} token(s) added elsewhere (${trusted.map((t) => t.path).join(', ')}), so where Terraform runs is not known`,
          fix: 'pass runner, e.g. Runner.azureCompute() if a machine wears the identity, or the runner whose token those trusts accept',
        })];
      },
    });
  }

  /** One federated credential per trust, under the identity, with ids from the trust so that reordering changes no address. */
  private addTrusts(identity: IPrincipal): FederatedCredential[] {
    if (!isCredentialTarget(identity)) {
      throw invalid(this, {
        property: 'trusts', value: `${this.trusts.length} trust(s) for ${identity.node.path}`,
        problem: 'the existing identity is system-assigned, and Microsoft allows federated credentials only on user-assigned identities and app registrations',
        fix: 'drop trusts, or use another identity',
      });
    }
    const ids = new Set<string>();
    return this.trusts.map((trust, i) => {
      let credentialId = trust._nameParts ? credentialName(trust._nameParts) : `Trust${i}`;
      if (ids.has(credentialId)) credentialId = `${credentialId}-${i}`;
      ids.add(credentialId);
      return new FederatedCredential(identity, credentialId, { target: identity, trust });
    });
  }

  private createIdentity(props: KeylessWorkloadProps): IPrincipal {
    const kind = props.identityKind ?? WorkloadIdentityKind.APP_REGISTRATION;
    if (kind === WorkloadIdentityKind.USER_ASSIGNED) {
      if (props.resourceGroupName === undefined || props.location === undefined) {
        throw invalid(this, {
          property: props.resourceGroupName === undefined ? 'resourceGroupName' : 'location', value: undefined,
          problem: 'a user-assigned identity needs a resource group and a region',
          fix: 'pass resourceGroupName and location, or use WorkloadIdentityKind.APP_REGISTRATION',
        });
      }
      return new UserAssignedIdentity(this, 'Identity', { name: props.name, resourceGroupName: props.resourceGroupName, location: props.location });
    }
    return new AppRegistration(this, 'Identity', { displayName: props.name });
  }
}
