import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import {
  AppRegistration, FlexibleTrust, KeylessWorkload, SystemAssignedIdentity, Trust, TrustReport, UserAssignedIdentity,
} from '../../src';
import { PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, addProviders } from '../util';

function build() {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'platform');
  addProviders(stack);
  const w = new KeylessWorkload(stack, 'Intune', {
    name: 'terraform-intune', tenantId: TENANT_ID,
    trusts: [Trust.kubernetes({ issuerUrl: 'https://aks.example/i/', namespace: 'terraform', serviceAccountName: 'intune' })],
    graphPermissions: ['Group.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'], allowPrivileged: true,
  });
  const ci = new AppRegistration(stack, 'Ci', { displayName: 'ci | deploy', apiPermissions: { delegatedPermissions: ['User.Read'] } });
  ci.addFlexibleFederatedCredential('Releases', FlexibleTrust.githubActions({ owner: 'contoso', repository: 'infra', branchPattern: 'release/*' }));
  const uami = new UserAssignedIdentity(stack, 'Vault', { name: 'id-vault', resourceGroupName: 'rg', location: 'westeurope' });
  uami.grantAzureRole('Secrets', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Key Vault Secrets User' });
  SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
  TrustReport.of(app);
  return { app, stack, workload: w };
}

describe('TrustReport', () => {
  test('shows every identity, trust and grant, with tiers, as Mermaid and tables', () => {
    const { stack } = build();
    const report = (stack.node.findChild('TrustReport') as TrustReport).markdown;
    expect(report).toContain('```mermaid\nflowchart LR');
    expect(report).toContain('| terraform-intune | Kubernetes | https://aks.example/i/ | system:serviceaccount:terraform:intune | api://AzureADTokenExchange | k8s-terraform-intune |');
    expect(report).toContain('| terraform-intune | Microsoft Graph | DeviceManagementConfiguration.ReadWrite.All | Tier 0 |');
    expect(report).toContain('| terraform-intune | Microsoft Graph | Group.Read.All | Tier 2 |');
    expect(report).toContain("| ci \\| deploy | Flexible | https://token.actions.githubusercontent.com | claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*' |");
    expect(report).toContain('| ci \\| deploy | Microsoft Graph | User.Read | delegated |');
    expect(report).toContain('| id-vault | Key Vault Secrets User |');
    expect(report).toContain('| platform/Vm | system-assigned identity | platform/Vm |');
    expect(report).toMatch(/\$\{azuread_application\.\w+\.client_id\}|terraform-intune \(app registration\)/);
  });

  test('is written beside each stack and is byte-identical across runs', () => {
    const first = build();
    first.app.synth();
    const second = build();
    second.app.synth();
    const read = (outdir: string) => fs.readFileSync(path.join(outdir, 'stacks', 'platform', TrustReport.FILE_NAME), 'utf8');
    expect(read(first.app.outdir)).toBe(read(second.app.outdir));
    expect(read(first.app.outdir)).toContain('# Trust report: platform');
  });

  test('of() adds one report per stack, once', () => {
    const { app, stack } = build();
    TrustReport.of(app);
    expect(stack.node.children.filter((c) => c instanceof TrustReport)).toHaveLength(1);
  });
});
