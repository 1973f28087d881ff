/** The Terraform providers this library configures. */
export enum TerraformProviderKind {
  /** deploymenttheory/microsoft365. */
  MICROSOFT365 = 'microsoft365',
  /** microsoft/azuredevops. */
  AZUREDEVOPS = 'azuredevops',
  /** hashicorp/azurerm. */
  AZURERM = 'azurerm',
  /** hashicorp/azuread. */
  AZUREAD = 'azuread',
}

/** How Terraform signs in. */
export enum ProviderAuthMethod {
  /** The managed identity of the Azure compute Terraform runs on (IMDS). */
  MANAGED_IDENTITY = 'ManagedIdentity',
  /** A federated token read from a file (Kubernetes workload identity, or any projected token). */
  WORKLOAD_IDENTITY = 'WorkloadIdentity',
  /** The AKS workload identity webhook's injected variables, read at run time. */
  AKS_WORKLOAD_IDENTITY = 'AksWorkloadIdentity',
  /** A GitHub Actions OIDC token, requested from the runner. */
  GITHUB_ACTIONS_OIDC = 'GitHubActionsOidc',
  /** An Azure DevOps service connection's OIDC token, requested from the pipeline. */
  AZURE_DEVOPS_OIDC = 'AzureDevOpsOidc',
  /**
   * A federated token the run puts in a file or an environment variable: a GitLab job's `id_tokens`,
   * a custom issuer's token, or an Azure machine's managed-identity token used as an app's credential.
   */
  FEDERATED_TOKEN = 'FederatedToken',
  /** HCP Terraform's dynamic credentials: HCP Terraform hands the token and client ID to azurerm and azuread. */
  HCP_TERRAFORM_DYNAMIC_CREDENTIALS = 'HcpTerraformDynamicCredentials',
}
