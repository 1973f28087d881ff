import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclWithBlocks } from './hcl-blocks';
import { checkedArgs } from '../../private/shape';

/** Configuration of `azuredevops_serviceendpoint_azurerm`, limited to keyless schemes: no key or certificate can be set. */
export interface AzureDevOpsServiceEndpointAzurermConfig {
  /** The project's ID, a GUID (`project_id`). */
  readonly projectId: string;
  /** The service connection's name (`service_endpoint_name`). */
  readonly serviceEndpointName: string;
  /** The tenant of the identity (`azurerm_spn_tenantid`). */
  readonly azurermSpnTenantid: string;
  /** The subscription the connection targets (`azurerm_subscription_id`). */
  readonly azurermSubscriptionId: string;
  /** The subscription's display name (`azurerm_subscription_name`). */
  readonly azurermSubscriptionName: string;
  /** The client ID of the identity the connection signs in as (`credentials.serviceprincipalid`). */
  readonly servicePrincipalId: string;
  /**
   * `service_endpoint_authentication_scheme`.
   * @default "WorkloadIdentityFederation"
   */
  readonly serviceEndpointAuthenticationScheme?: string;
  /**
   * Whether the provider checks the connection against Azure right after creating it (`features.validate`).
   * @default false
   */
  readonly validate?: boolean;
  /**
   * A description (`description`).
   * @default "Managed by Terraform" (the provider's default)
   */
  readonly description?: string;
}

/**
 * The `azuredevops_serviceendpoint_azurerm` resource, for workload identity federation only. A
 * hand-written binding with the schema of
 * `azuredevops/internal/service/serviceendpoint/resource_serviceendpoint_azurerm.go` at
 * microsoft/terraform-provider-azuredevops v1.16.0 (the same arguments and attributes since v1.11.2).
 * The secret-bearing `credentials.serviceprincipalkey` and `serviceprincipalcertificate` are left
 * out on purpose. `AzureDevOpsServiceConnection` is the way to use it; this is the escape hatch.
 *
 * @example
 * new AzureDevOpsServiceEndpointAzurerm(stack, 'Connection', {
 *   projectId, serviceEndpointName: 'terraform-apply', azurermSpnTenantid: tenantId,
 *   azurermSubscriptionId: subscriptionId, azurermSubscriptionName: 'Platform production', servicePrincipalId: identity.clientId,
 * });
 */
export class AzureDevOpsServiceEndpointAzurerm extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuredevops_serviceendpoint_azurerm';

  private readonly config: AzureDevOpsServiceEndpointAzurermConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: AzureDevOpsServiceEndpointAzurermConfig) {
    super(checkedArgs('AzureDevOpsServiceEndpointAzurerm.constructor', [scope, id, config]), id, {
      terraformResourceType: AzureDevOpsServiceEndpointAzurerm.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuredevops' },
    });
    this.config = config;
  }

  /** The service connection's ID, a GUID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The issuer of the connection's tokens (`workload_identity_federation_issuer`), known after apply. */
  public get workloadIdentityFederationIssuer(): string {
    return this.getStringAttribute('workload_identity_federation_issuer');
  }

  /** The subject of the connection's tokens (`workload_identity_federation_subject`), known after apply. */
  public get workloadIdentityFederationSubject(): string {
    return this.getStringAttribute('workload_identity_federation_subject');
  }

  /** The block's Terraform attributes, snake_case, as the provider's schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      project_id: this.config.projectId,
      service_endpoint_name: this.config.serviceEndpointName,
      description: this.config.description,
      service_endpoint_authentication_scheme: this.config.serviceEndpointAuthenticationScheme ?? 'WorkloadIdentityFederation',
      azurerm_spn_tenantid: this.config.azurermSpnTenantid,
      azurerm_subscription_id: this.config.azurermSubscriptionId,
      azurerm_subscription_name: this.config.azurermSubscriptionName,
      credentials: [{ serviceprincipalid: this.config.servicePrincipalId }],
      features: [{ validate: this.config.validate ?? false }],
    };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclWithBlocks(this.synthesizeAttributes());
  }
}
