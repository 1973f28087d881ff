import { TerraformStack, Testing } from 'cdktf';
import {
  AzureDevOpsProvider, AzureDevOpsServiceConnection, AzureProviders, GitHubEnvironment, GitHubProvider, GitHubRepositoryAccess, HcpTerraformWorkspace,
  Microsoft365Provider, ProviderAuth, TerraformRunPhase, UserAssignedIdentity,
} from '../../src';
import { CLIENT_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders, thrownBy } from '../util';

/** The pipeline side's objects in one stack, the providers of the configuration they run in another. */
function twoStacks() {
  const app = Testing.app();
  const identity = new TerraformStack(app, 'identity');
  addProviders(identity);
  new GitHubProvider(identity, 'GitHub', { owner: 'contoso' });
  new AzureDevOpsProvider(identity, 'Ado', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: ProviderAuth.managedIdentity({ clientId: CLIENT_ID, tenantId: TENANT_ID }) });
  const workload = new TerraformStack(app, 'workload');
  const uami = (id: string) => new UserAssignedIdentity(identity, id, { name: `id-${id.toLowerCase()}`, resourceGroupName: 'rg', location: 'westeurope' });
  return { identity, workload, uami };
}

const validationError = (stack: TerraformStack) => thrownBy(() => Testing.synth(stack, true))?.message;
const repo = { owner: 'contoso', repository: 'platform' };

describe('pipeline objects fill the runner: the chain is checked against what they trust', () => {
  test("a GitHub environment's runner signs in as its identity", () => {
    const { identity, workload, uami } = twoStacks();
    const deployer = uami('Deployer');
    const environment = new GitHubEnvironment(identity, 'Production', { ...repo, identity: deployer, environment: 'production', protection: { protectedBranchesOnly: true } });
    AzureProviders.azurerm(workload, 'Rm', { auth: environment.runner.providerAuth(deployer), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toBeUndefined();
  });

  test("signing in as another identity from that environment fails, naming the trust to add", () => {
    const { identity, workload, uami } = twoStacks();
    const environment = new GitHubEnvironment(identity, 'Production', { ...repo, identity: uami('Deployer'), environment: 'production', protection: { protectedBranchesOnly: true } });
    const other = uami('Other');
    AzureProviders.azurerm(workload, 'Rm', { auth: environment.runner.providerAuth(other), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toContain('subject "repo:contoso/platform:environment:production"');
  });

  test("a repository's pull-request runner matches its own trust only", () => {
    const { identity, workload, uami } = twoStacks();
    const planner = uami('Planner');
    const access = new GitHubRepositoryAccess(identity, 'Plan', { ...repo, identity: planner, pullRequest: true });
    AzureProviders.azurerm(workload, 'Rm', { auth: access.runner.providerAuth(planner), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toBeUndefined();
  });

  test("an HCP workspace's runner: each phase is held to its own trust, and microsoft365 has no path", () => {
    const { identity, workload, uami } = twoStacks();
    const plan = uami('Plan');
    const apply = uami('Apply');
    const workspace = new HcpTerraformWorkspace(identity, 'Ws', {
      organization: 'contoso', project: 'Default Project', workspace: 'platform', workspaceId: 'ws-AbCdEf1234567890', planIdentity: plan, applyIdentity: apply,
    });
    AzureProviders.azurerm(workload, 'Rm', { auth: workspace.runner(TerraformRunPhase.PLAN).providerAuth(plan), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toBeUndefined();
    AzureProviders.azurerm(workload, 'Wrong', { auth: workspace.runner(TerraformRunPhase.APPLY).providerAuth(plan), subscriptionId: SUBSCRIPTION_ID, alias: 'wrong' });
    expect(validationError(workload)).toContain('run_phase:apply');
    expect(() => new Microsoft365Provider(workload, 'M365', { auth: workspace.runner().providerAuth(apply) })).toThrow('microsoft365 has no HCP Terraform path');
  });

  test("an Azure DevOps service connection's runner is verified against the same connection", () => {
    const { identity, workload, uami } = twoStacks();
    const deployer = uami('Deployer');
    const connection = new AzureDevOpsServiceConnection(identity, 'Apply', {
      identity: deployer, connectionName: 'terraform-apply', projectId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      subscriptionId: SUBSCRIPTION_ID, subscriptionName: 'Platform production',
    });
    AzureProviders.azurerm(workload, 'Rm', { auth: connection.runner.providerAuth(deployer), subscriptionId: SUBSCRIPTION_ID });
    expect(validationError(workload)).toBeUndefined();
    AzureProviders.azurerm(workload, 'Other', { auth: connection.runner.providerAuth(uami('Other')), subscriptionId: SUBSCRIPTION_ID, alias: 'other' });
    expect(validationError(workload)).toContain('identity/Other');
  });
});
