import { Construct } from 'constructs';
import { Runner } from '../runners/runner';
import { ICredentialTarget } from '../core/principal';
import { FederatedCredential } from '../federation/federated-credential';
import { Trust } from '../federation/trust';
import { credentialName } from '../private/federation-rules';
import { azureDevOpsProjectNameRule, serviceConnectionNameRule } from '../private/pipeline-rules';
import { Problem, check, isLiteral, problemsOf, throwProblems } from '../private/problems';
import { guid, tenantIdRule } from '../private/rules';
import { recordPipeline } from '../private/review-facts';
import { checkedArgs, conform, requiredProblems } from '../private/shape';
import { tenantProblems } from '../private/tenants';
import { TerraformProviderKind } from '../providers/auth-method';
import { ProviderAuth } from '../providers/provider-auth';
import { AzureDevOpsServiceEndpointAzurerm } from './bindings/azuredevops-serviceendpoint-azurerm';
import { DataAzureDevOpsProject } from './bindings/data-azuredevops-project';
import { IServiceConnection } from '../core/service-connection';

/** Properties of an `AzureDevOpsServiceConnection`. Give `projectName` or `projectId`. */
export interface AzureDevOpsServiceConnectionProps {
  /** The user-assigned identity or app registration the connection signs in as. */
  readonly identity: ICredentialTarget;
  /** The service connection's name, as pipelines refer to it (`azureSubscription: <name>`). */
  readonly connectionName: string;
  /**
   * The project's name, read through an `azuredevops_project` data source.
   * @default - give projectId
   */
  readonly projectName?: string;
  /**
   * The project's ID, a GUID.
   * @default - give projectName
   */
  readonly projectId?: string;
  /** The subscription the connection targets. */
  readonly subscriptionId: string;
  /** The subscription's display name, which Azure DevOps shows with the connection. */
  readonly subscriptionName: string;
  /**
   * The tenant the connection signs in to.
   * @default - the identity's tenant
   */
  readonly tenantId?: string;
  /**
   * A description of the connection.
   * @default "Managed by Terraform" (the provider's default)
   */
  readonly description?: string;
  /**
   * The federated credential's name on the identity.
   * @default - derived from the connection's name, e.g. `ado-terraform-apply`
   */
  readonly credentialName?: string;
}

const projectIdRule = guid('project ID', '`az devops project show --project NAME --query id`, or give projectName instead');
const subscriptionIdRule = guid('subscription ID', '`az account show --query id`');

/**
 * An Azure Resource Manager service connection that signs in as an identity with workload identity
 * federation (`azuredevops_serviceendpoint_azurerm`, scheme `WorkloadIdentityFederation`, with the
 * identity's client ID as `credentials.serviceprincipalid`), and the identity's federated credential
 * for it, whose issuer and subject are read from the connection: Azure DevOps chooses them
 * (`https://login.microsoftonline.com/{tenant}/v2.0` and an opaque `/eid1/c/pub/...` subject), so
 * they are never predicted.
 *
 * Order: the connection is written first with `features { validate = false }`, then the credential,
 * which reads the connection's attributes. With `validate = true` the provider checks the connection
 * against Azure right after creating it, before any credential can exist, and deletes the connection
 * when the check fails (`resourceServiceEndpointAzureRMCreate`,
 * azuredevops/internal/service/serviceendpoint/resource_serviceendpoint_azurerm.go, v1.16.0).
 *
 * The stack needs an azuredevops provider, and azurerm (identity) or azuread (app) for the credential.
 *
 * @example
 * new AzureDevOpsServiceConnection(stack, 'Apply', {
 *   identity, connectionName: 'terraform-apply', projectName: 'Platform',
 *   subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', subscriptionName: 'Platform production',
 * });
 */
export class AzureDevOpsServiceConnection extends Construct implements IServiceConnection {
  /** The identity the connection signs in as. */
  public readonly identity: ICredentialTarget;
  /** The tenant the connection signs in to. */
  public readonly tenantId: string;
  /** The service connection's name. */
  public readonly connectionName: string;
  /** The project's ID (a reference when given by name). */
  public readonly projectId: string;
  /** The subscription the connection targets. */
  public readonly subscriptionId: string;
  /** The service connection's ID, known after apply. */
  public readonly serviceConnectionId: string;
  /** The issuer of the connection's tokens, read from the connection. */
  public readonly issuer: string;
  /** The subject of the connection's tokens, read from the connection. */
  public readonly subject: string;
  /** The trust the credential expresses. */
  public readonly trust: Trust;
  /** The `azuredevops_serviceendpoint_azurerm` resource (escape hatch). */
  public readonly resource: AzureDevOpsServiceEndpointAzurerm;
  /** The identity's federated credential for the connection. */
  public readonly credential: FederatedCredential;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param props the construct's properties
   */
  constructor(scope: Construct, id: string, props: AzureDevOpsServiceConnectionProps) {
    super(checkedArgs('AzureDevOpsServiceConnection.constructor', [scope, id, props]), id);
    throwProblems(this, [
      ...requiredProblems(props, ['identity', 'connectionName', 'subscriptionId', 'subscriptionName'], 'AzureDevOpsServiceConnectionProps'),
      ...projectProblems(props),
    ]);
    check(this, 'connectionName', props.connectionName, serviceConnectionNameRule);
    check(this, 'subscriptionId', props.subscriptionId, subscriptionIdRule);
    check(this, 'tenantId', props.tenantId, tenantIdRule);
    throwProblems(this, tenantProblems('tenantId', props.tenantId, props.identity));
    this.identity = props.identity;
    this.tenantId = props.tenantId ?? props.identity.tenantId;
    this.connectionName = props.connectionName;
    this.subscriptionId = props.subscriptionId;
    this.projectId = props.projectId ?? new DataAzureDevOpsProject(this, 'Project', { name: props.projectName! }).id;

    this.resource = new AzureDevOpsServiceEndpointAzurerm(this, 'Resource', {
      projectId: this.projectId,
      serviceEndpointName: props.connectionName,
      description: props.description,
      azurermSpnTenantid: this.tenantId,
      azurermSubscriptionId: props.subscriptionId,
      azurermSubscriptionName: props.subscriptionName,
      servicePrincipalId: props.identity.clientId,
      validate: false,
    });
    this.serviceConnectionId = this.resource.id;
    this.issuer = this.resource.workloadIdentityFederationIssuer;
    this.subject = this.resource.workloadIdentityFederationSubject;
    this.trust = Trust.azureDevOps({ issuerUrl: this.issuer, subject: this.subject });
    const derived = isLiteral(props.connectionName) ? credentialName(['ado', props.connectionName]) : undefined;
    this.credential = new FederatedCredential(this, 'Credential', {
      target: props.identity, trust: this.trust, name: props.credentialName ?? derived,
    });
    recordPipeline({
      holder: this, principal: props.identity, platform: 'Azure DevOps',
      place: `project ${props.projectName ?? props.projectId}, service connection ${props.connectionName}`,
      settings: [['serviceprincipalid', props.identity.clientId], ['azurerm_spn_tenantid', this.tenantId], ['azurerm_subscription_id', props.subscriptionId]],
    });
  }

  /**
   * Where Terraform runs: an Azure Pipelines job that uses this connection. Give it to the providers
   * of the configuration the job runs, and the chain's checks hold them to this connection's trust.
   */
  public get runner(): Runner {
    return Runner.azurePipelines({ serviceConnection: this });
  }

  /**
   * How providers in a pipeline that uses this connection sign in: Azure DevOps OIDC with the
   * connection's ID. Use it in the workload stack, or its `environment(...)` in the pipeline.
   */
  public get auth(): ProviderAuth {
    return ProviderAuth.azureDevOpsOidc({ identity: this.identity, serviceConnectionId: this.serviceConnectionId, tenantId: this.tenantId });
  }

  /**
   * The environment variables that make `provider` sign in through this connection (map
   * `SYSTEM_ACCESSTOKEN: $(System.AccessToken)` in the step; see the README).
   *
   * @param provider the provider whose variables to list
   */
  public environment(provider: TerraformProviderKind): { [name: string]: string } {
    conform(this.node.path, 'AzureDevOpsServiceConnection.environment', [provider]);
    const environment = this.auth.environment(provider);
    // The connection knows the subscription the run needs, where the sign-in form alone leaves a placeholder.
    if ('ARM_SUBSCRIPTION_ID' in environment) environment.ARM_SUBSCRIPTION_ID = this.subscriptionId;
    return environment;
  }

}

function projectProblems(props: AzureDevOpsServiceConnectionProps): Problem[] {
  if (!props) return [];
  const given = (['projectName', 'projectId'] as const).filter((key) => props[key] !== undefined);
  if (given.length !== 1) {
    return [{
      property: 'projectName | projectId', value: given.length ? given.map((key) => props[key]).join(', ') : undefined,
      problem: 'a service connection belongs to exactly one project',
      fix: 'give projectName (read through an azuredevops_project data source) or projectId (a GUID), not both',
    }];
  }
  return [...problemsOf('projectName', props.projectName, azureDevOpsProjectNameRule), ...problemsOf('projectId', props.projectId, projectIdRule)];
}
