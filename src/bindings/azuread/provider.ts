import { Construct } from 'constructs';
import { TerraformProvider, booleanToTerraform, stringToTerraform } from 'cdktf';
import { given, hclBoolean, hclString } from '../terraform-values';

/**
 * The arguments of the azuread provider the library sets, with the names of
 * `internal/provider/provider.go` in hashicorp/terraform-provider-azuread v3.7.0.
 */
export interface AzureadProviderConfig {
  /**
   * The Entra tenant (`tenant_id`).
   * @default - `ARM_TENANT_ID`
   */
  readonly tenantId?: string;
  /**
   * The client ID to sign in as (`client_id`).
   * @default - `ARM_CLIENT_ID`
   */
  readonly clientId?: string;
  /**
   * Sign in with a managed identity (`use_msi`).
   * @default - `ARM_USE_MSI`, else false
   */
  readonly useMsi?: boolean;
  /**
   * Sign in with an OIDC token (`use_oidc`).
   * @default - `ARM_USE_OIDC`, else false
   */
  readonly useOidc?: boolean;
  /**
   * Sign in as whoever is logged in to the Azure CLI (`use_cli`).
   * @default - `ARM_USE_CLI`, else true
   */
  readonly useCli?: boolean;
  /**
   * Sign in with the variables of the AKS workload identity webhook (`use_aks_workload_identity`).
   * @default - `ARM_USE_AKS_WORKLOAD_IDENTITY`, else false
   */
  readonly useAksWorkloadIdentity?: boolean;
  /**
   * The file holding the OIDC token (`oidc_token_file_path`).
   * @default - `ARM_OIDC_TOKEN_FILE_PATH`
   */
  readonly oidcTokenFilePath?: string;
  /**
   * The Azure DevOps service connection whose token is exchanged (`ado_pipeline_service_connection_id`).
   * @default - `ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID`
   */
  readonly adoPipelineServiceConnectionId?: string;
  /**
   * The Azure cloud (`environment`): global, usgovernment or china.
   * @default - `ARM_ENVIRONMENT`, else global
   */
  readonly environment?: string;
  /**
   * Provider alias, for several azuread providers in one stack.
   * @default - the default provider
   */
  readonly alias?: string;
}

/**
 * The hashicorp/azuread provider, bound by hand for the arguments the library sets (sign-in,
 * tenant, alias); the module `@cdktf/provider-azuread/lib/provider` of
 * the cdktf package. Pinned to azuread 3.7.0 in `required_providers`.
 *
 * @example
 * new AzureadProvider(stack, 'azuread', { tenantId: '00000000-0000-0000-0000-000000000000' });
 */
export class AzureadProvider extends TerraformProvider {
  /** The Terraform type of the provider. */
  public static readonly tfResourceType = 'azuread';

  private values: { -readonly [K in keyof AzureadProviderConfig]: AzureadProviderConfig[K] };

  /**
   * @param scope the stack that holds the provider
   * @param id the construct id, unique within scope
   * @param config the provider's arguments
   */
  constructor(scope: Construct, id: string, config: AzureadProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'azuread',
      terraformGeneratorMetadata: { providerName: 'azuread', providerVersion: '3.7.0', providerVersionConstraint: '~> 3.0' },
      terraformProviderSource: 'hashicorp/azuread',
    });
    this.values = { ...config };
  }

  /** `tenant_id`. */
  public get tenantId(): string | undefined { return this.values.tenantId; }
  public set tenantId(value: string | undefined) { this.values.tenantId = value; }
  /** `client_id`. */
  public get clientId(): string | undefined { return this.values.clientId; }
  public set clientId(value: string | undefined) { this.values.clientId = value; }
  /** `use_msi`. */
  public get useMsi(): boolean | undefined { return this.values.useMsi; }
  public set useMsi(value: boolean | undefined) { this.values.useMsi = value; }
  /** `use_oidc`. */
  public get useOidc(): boolean | undefined { return this.values.useOidc; }
  public set useOidc(value: boolean | undefined) { this.values.useOidc = value; }
  /** `use_cli`. */
  public get useCli(): boolean | undefined { return this.values.useCli; }
  public set useCli(value: boolean | undefined) { this.values.useCli = value; }
  /** `use_aks_workload_identity`. */
  public get useAksWorkloadIdentity(): boolean | undefined { return this.values.useAksWorkloadIdentity; }
  public set useAksWorkloadIdentity(value: boolean | undefined) { this.values.useAksWorkloadIdentity = value; }
  /** `oidc_token_file_path`. */
  public get oidcTokenFilePath(): string | undefined { return this.values.oidcTokenFilePath; }
  public set oidcTokenFilePath(value: string | undefined) { this.values.oidcTokenFilePath = value; }
  /** `ado_pipeline_service_connection_id`. */
  public get adoPipelineServiceConnectionId(): string | undefined { return this.values.adoPipelineServiceConnectionId; }
  public set adoPipelineServiceConnectionId(value: string | undefined) { this.values.adoPipelineServiceConnectionId = value; }
  /** `environment`. */
  public get environment(): string | undefined { return this.values.environment; }
  public set environment(value: string | undefined) { this.values.environment = value; }
  /** The provider's alias. */
  public get alias(): string | undefined { return this.values.alias; }
  public set alias(value: string | undefined) { this.values.alias = value; }

  /** The provider block's arguments, snake_case as the schema names them. */
  protected synthesizeAttributes(): { [name: string]: any } {
    const v = this.values;
    return {
      ado_pipeline_service_connection_id: stringToTerraform(v.adoPipelineServiceConnectionId),
      client_id: stringToTerraform(v.clientId),
      environment: stringToTerraform(v.environment),
      oidc_token_file_path: stringToTerraform(v.oidcTokenFilePath),
      tenant_id: stringToTerraform(v.tenantId),
      use_aks_workload_identity: booleanToTerraform(v.useAksWorkloadIdentity),
      use_cli: booleanToTerraform(v.useCli),
      use_msi: booleanToTerraform(v.useMsi),
      use_oidc: booleanToTerraform(v.useOidc),
      alias: stringToTerraform(v.alias),
    };
  }

  /** The same arguments, typed for `cdktf synth --hcl`. */
  protected synthesizeHclAttributes(): { [name: string]: any } {
    const v = this.values;
    return given({
      ado_pipeline_service_connection_id: hclString(v.adoPipelineServiceConnectionId),
      client_id: hclString(v.clientId),
      environment: hclString(v.environment),
      oidc_token_file_path: hclString(v.oidcTokenFilePath),
      tenant_id: hclString(v.tenantId),
      use_aks_workload_identity: hclBoolean(v.useAksWorkloadIdentity),
      use_cli: hclBoolean(v.useCli),
      use_msi: hclBoolean(v.useMsi),
      use_oidc: hclBoolean(v.useOidc),
      alias: hclString(v.alias),
    });
  }
}
