import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AzureadProvider } from '@cdktf/provider-azuread/lib/provider';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust, TrustPlatform } from '../federation/trust';
import { ValidationError } from '../private/errors';
import { credentialName } from '../private/federation-rules';
import { tenantIdRule } from '../private/rules';
import { check } from '../private/validate';
import { AppRoleGrant } from '../permissions/app-role-grant';
import { AppRegistration } from '../principals/app-registration';
import { IFederatedIdentityTarget, IPrincipal, PrincipalKind } from '../principals/principal';
import { UserAssignedIdentity } from '../principals/user-assigned-identity';
import { AzureDevOpsProvider } from '../providers/azuredevops-provider';
import { AzureProviders } from '../providers/azure-providers';
import { Microsoft365Cloud, Microsoft365Provider } from '../providers/microsoft365-provider';
import { ProviderAuth, TerraformProviderKind } from '../providers/provider-auth';
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
   * The tokens the identity trusts, one federated credential each.
   * @default - no trusts: the identity is used by Azure compute it is attached to
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
   * How the provider signs in.
   * @default - chosen from the workload: AKS workload identity when it trusts Kubernetes, GitHub Actions
   * OIDC when it trusts GitHub, the managed identity otherwise
   */
  readonly auth?: ProviderAuth;
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
export class KeylessWorkload extends Construct {
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
  private readonly trusts: Trust[];

  constructor(scope: Construct, id: string, props: KeylessWorkloadProps) {
    super(scope, id);
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    this.tenantId = props.tenantId;
    this.trusts = props.trusts ?? [];
    if (props.existingIdentity && (props.identityKind !== undefined || props.resourceGroupName !== undefined || props.location !== undefined)) {
      throw new ValidationError(this, 'invalid existingIdentity: it replaces the identity the workload would create, so identityKind, resourceGroupName '
        + 'and location do not apply. Fix: pass either existingIdentity or those properties.');
    }
    this.identity = props.existingIdentity ?? this.createIdentity(props);

    this.clientId = this.identity.principalKind === PrincipalKind.SYSTEM_ASSIGNED_IDENTITY ? undefined : (this.identity as IFederatedIdentityTarget).clientId;
    if (this.trusts.length && this.identity.principalKind === PrincipalKind.SYSTEM_ASSIGNED_IDENTITY) {
      throw new ValidationError(this, `invalid trusts: the existing identity ${this.identity.node.path} is system-assigned, and Microsoft allows `
        + 'federated credentials only on user-assigned identities and app registrations. Fix: drop trusts, or use another identity.');
    }
    const target = this.identity as IFederatedIdentityTarget;
    const ids = new Set<string>();
    this.credentials = this.trusts.map((trust, i) => {
      // Ids from the trust, not its position, so that reordering trusts changes no address.
      let credentialId = trust._nameParts ? credentialName(trust._nameParts) : `Trust${i}`;
      if (ids.has(credentialId)) credentialId = `${credentialId}-${i}`;
      ids.add(credentialId);
      return target.addFederatedCredential(credentialId, trust);
    });
    if (props.graphPermissions?.length) {
      this.graphGrant = this.identity.grantGraphAppRoles('Graph', props.graphPermissions, { allowPrivileged: props.allowPrivileged });
    }
  }

  /**
   * How providers sign in as this workload: AKS workload identity when it trusts a Kubernetes service
   * account, GitHub Actions OIDC when it trusts GitHub, and the managed identity for an identity
   * attached to Azure compute.
   */
  public get providerAuth(): ProviderAuth {
    const platforms = this.trusts.map((t) => t.platform);
    if (platforms.includes(TrustPlatform.KUBERNETES)) return ProviderAuth.aksWorkloadIdentity({ identity: this.identity, tenantId: this.tenantId });
    if (platforms.includes(TrustPlatform.GITHUB_ACTIONS)) return ProviderAuth.githubActionsOidc({ identity: this.identity, tenantId: this.tenantId });
    if (this.identity.principalKind !== PrincipalKind.APPLICATION) return ProviderAuth.managedIdentity({ identity: this.identity, tenantId: this.tenantId });
    throw new ValidationError(this, 'cannot choose how providers sign in: the workload is an app registration with no Kubernetes or GitHub trust. '
      + 'Fix: pass auth, e.g. ProviderAuth.azureDevOpsOidc({ identity: workload.identity, serviceConnectionId }).');
  }

  /** A microsoft365 provider signing in as this workload. */
  public microsoft365Provider(scope: Construct, id: string, options: WorkloadMicrosoft365ProviderOptions = {}): Microsoft365Provider {
    return new Microsoft365Provider(scope, id, { tenantId: this.tenantId, auth: options.auth ?? this.providerAuth, cloud: options.cloud, alias: options.alias });
  }

  /** An azuredevops provider signing in as this workload (add the identity to the organization with `AzureDevOpsAccess`). */
  public azureDevOpsProvider(scope: Construct, id: string, options: WorkloadAzureDevOpsProviderOptions): AzureDevOpsProvider {
    return new AzureDevOpsProvider(scope, id, { orgServiceUrl: options.orgServiceUrl, tenantId: this.tenantId, auth: options.auth ?? this.providerAuth, alias: options.alias });
  }

  /** An azurerm provider signing in as this workload. */
  public azurermProvider(scope: Construct, id: string, options: WorkloadAzurermProviderOptions = {}): AzurermProvider {
    return AzureProviders.azurerm(scope, id, { tenantId: this.tenantId, subscriptionId: options.subscriptionId, auth: options.auth ?? this.providerAuth, alias: options.alias });
  }

  /** An azuread provider signing in as this workload. */
  public azureadProvider(scope: Construct, id: string, options: WorkloadProviderOptions = {}): AzureadProvider {
    return AzureProviders.azuread(scope, id, { tenantId: this.tenantId, auth: options.auth ?? this.providerAuth, alias: options.alias });
  }

  /** The environment variables that make `provider` sign in as this workload. */
  public environment(provider: TerraformProviderKind): { [name: string]: string } {
    return this.providerAuth.environment(provider);
  }

  /** The annotated ServiceAccount for pods that sign in as this workload (it needs a matching Kubernetes trust). */
  public kubernetesServiceAccount(scope: Construct, id: string, options: WorkloadServiceAccountOptions): KubernetesServiceAccount {
    if (this.identity.principalKind === PrincipalKind.SYSTEM_ASSIGNED_IDENTITY) {
      throw new ValidationError(this, 'a system-assigned identity cannot back a Kubernetes service account. Fix: use a user-assigned identity or app registration.');
    }
    return new KubernetesServiceAccount(scope, id, { ...options, identity: this.identity as IFederatedIdentityTarget, tenantId: this.tenantId });
  }

  private createIdentity(props: KeylessWorkloadProps): IPrincipal {
    const kind = props.identityKind ?? WorkloadIdentityKind.APP_REGISTRATION;
    if (kind === WorkloadIdentityKind.USER_ASSIGNED) {
      if (props.resourceGroupName === undefined || props.location === undefined) {
        throw new ValidationError(this, `invalid ${props.resourceGroupName === undefined ? 'resourceGroupName' : 'location'}: a user-assigned identity `
          + 'needs a resource group and a region. Fix: pass resourceGroupName and location, or use WorkloadIdentityKind.APP_REGISTRATION.');
      }
      return new UserAssignedIdentity(this, 'Identity', { name: props.name, resourceGroupName: props.resourceGroupName, location: props.location });
    }
    return new AppRegistration(this, 'Identity', { displayName: props.name });
  }
}
