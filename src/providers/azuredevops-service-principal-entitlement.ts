import { Construct } from 'constructs';
import { TerraformResource } from 'cdktf';
import { hclAttributes } from './hcl';
import { checkedArgs } from '../private/shape';

/** Configuration of `azuredevops_service_principal_entitlement`. */
export interface AzureDevOpsServicePrincipalEntitlementConfig {
  /** Object ID of the service principal (a managed identity's principal ID) to add (`origin_id`). */
  readonly originId: string;
  /**
   * The identity provider of `originId` (`origin`).
   * @default "aad"
   */
  readonly origin?: string;
  /**
   * The access level (`account_license_type`): advanced, earlyAdopter, express, none, professional or stakeholder.
   * @default "express" (Basic)
   */
  readonly accountLicenseType?: string;
  /**
   * Where the license comes from (`licensing_source`): none, account, msdn, profile, auto or trial.
   * @default "account"
   */
  readonly licensingSource?: string;
}

/**
 * The `azuredevops_service_principal_entitlement` resource: a service principal added to an Azure
 * DevOps organization. Hand-written with the schema of
 * `azuredevops/internal/service/memberentitlementmanagement/resource_service_principal_entitlement.go`.
 * `AzureDevOpsAccess` is the way to use it; this is the escape hatch.
 *
 * @example
 * new AzureDevOpsServicePrincipalEntitlement(stack, 'Runner', { originId: runner.principalId, accountLicenseType: 'stakeholder' });
 */
export class AzureDevOpsServicePrincipalEntitlement extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'azuredevops_service_principal_entitlement';

  private readonly config: AzureDevOpsServicePrincipalEntitlementConfig;

  /**
   * @param scope the construct to define this in
   * @param id the construct id, unique within scope
   * @param config the resource's arguments
   */
  constructor(scope: Construct, id: string, config: AzureDevOpsServicePrincipalEntitlementConfig) {
    super(checkedArgs('AzureDevOpsServicePrincipalEntitlement.constructor', [scope, id, config]), id, {
      terraformResourceType: AzureDevOpsServicePrincipalEntitlement.tfResourceType,
      terraformGeneratorMetadata: { providerName: 'azuredevops' },
    });
    this.config = config;
  }

  /** The entitlement's ID. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** The service principal's descriptor in Azure DevOps, e.g. for group memberships. */
  public get descriptor(): string {
    return this.getStringAttribute('descriptor');
  }

  /** The block's Terraform attributes, snake_case, as the provider's schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      origin_id: this.config.originId,
      origin: this.config.origin,
      account_license_type: this.config.accountLicenseType,
      licensing_source: this.config.licensingSource,
    };
  }

  /** The same attributes, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    return hclAttributes(this.synthesizeAttributes());
  }
}
