/**
 * An Azure DevOps service connection with workload identity federation: where an Azure Pipelines
 * job gets its Azure token, as a runner and a trust both refer to it. `AzureDevOpsServiceConnection`
 * implements it; a connection made elsewhere can too, given its three attributes.
 */
export interface IServiceConnection {
  /** The connection's ID (a GUID), which azurerm, azuread and azuredevops take to request the pipeline's token. */
  readonly serviceConnectionId: string;
  /** The issuer of the pipeline's token (`workload_identity_federation_issuer` of `azuredevops_serviceendpoint_azurerm`). */
  readonly issuer: string;
  /** The subject of the pipeline's token (`workload_identity_federation_subject`). */
  readonly subject: string;
}
