import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformDataSource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { DataAzurermKubernetesCluster } from '@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import {
  AppRegistration, AppRoleGrant, AzureDevOpsAccess, DelegatedPermissionGrant,
  AzureDevOpsProvider, FlexibleTrust, KeylessWorkload, Microsoft365Provider, ProviderAuth, Runner, SystemAssignedIdentity, Trust, TrustReport,
  UserAssignedIdentity,
} from '../../src';
import { renderTrustMarkdown } from '../../src/review/trust-markdown';
import { synthesizeExamples } from '../../examples/app';
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
    expect(report).toContain('```mermaid\n---\nconfig:\n  theme: base\n');
    expect(report).toContain('    wrappingWidth: 880\n');
    expect(report).toContain('| terraform-intune | Kubernetes | https://aks.example/i/ | system:serviceaccount:terraform:intune | api://AzureADTokenExchange | k8s-terraform-intune |');
    expect(report).toContain('| terraform-intune | Microsoft Graph | DeviceManagementConfiguration.ReadWrite.All | Tier 0 | granted by name |');
    expect(report).toContain('| terraform-intune | Microsoft Graph | Group.Read.All | Tier 2 | granted by name |');
    expect(report).toContain("| ci \\| deploy | GitHub Actions (pattern) | https://token.actions.githubusercontent.com | claims['sub'] matches 'repo:contoso/infra:ref:refs/heads/release/*' |");
    expect(report).toContain('| ci \\| deploy | Microsoft Graph | User.Read | delegated | granted by name |');
    expect(report).toContain(`| id-vault | Key Vault Secrets User | /subscriptions/${SUBSCRIPTION_ID} |`);
    expect(report).toContain('| platform/Vm | system-assigned identity | platform | platform/Vm |');
  });

  test('draws tier 0 in its own class, with human platform names and values never broken', () => {
    const { stack } = build();
    const report = (stack.node.findChild('TrustReport') as TrustReport).markdown;
    expect(report).toMatch(/^ {2}classDef tier0 /m);
    expect(report).toMatch(/^ {2}class I\d+P\d+ tier0$/m);
    expect(report).toContain('["Kubernetes<br/>system:serviceaccount:terraform:intune"]');
    expect(report).not.toMatch(/TerraformCloud|GitHubActions|AzureDevOps[^ ]/);
    // A long value breaks only at ":" or "/", never inside a segment.
    expect(report).toContain('["GitHub Actions (pattern)<br/>claims[\'sub\'] matches \'repo:contoso/<br/>infra:ref:refs/heads/release/*\'"]');
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

describe('the whole app', () => {
  function twoStacks() {
    const app = Testing.app();
    const platform = new TerraformStack(app, 'platform');
    addProviders(platform);
    const cluster = new DataAzurermKubernetesCluster(platform, 'Aks', { name: 'aks', resourceGroupName: 'rg' });
    const runner = new UserAssignedIdentity(platform, 'Runner', { name: 'id-runner', resourceGroupName: 'rg', location: 'westeurope' });
    runner.addFederatedCredential('Pod', Trust.kubernetes({ issuerUrl: cluster.oidcIssuerUrl, namespace: 'tf', serviceAccountName: 'runner' }));
    runner.grantAzureRole('Reader', { armScope: `/subscriptions/${SUBSCRIPTION_ID}`, roleDefinitionName: 'Reader' });
    new AzureDevOpsProvider(platform, 'AzureDevOps', { orgServiceUrl: 'https://dev.azure.com/contoso', auth: ProviderAuth.githubActionsOidc({ clientId: TENANT_ID, tenantId: TENANT_ID }) });
    new AzureDevOpsAccess(platform, 'RunnerAccess', { principal: runner });
    const workload = new TerraformStack(app, 'workload');
    new Microsoft365Provider(workload, 'M365', { tenantId: TENANT_ID, auth: ProviderAuth.aksWorkloadIdentity({ identity: runner }) });
    TrustReport.of(app);
    app.synth();
    return app;
  }

  test('one report at the output root names every sign-in and every grant, and a workload stack links to its identity', () => {
    const app = twoStacks();
    const report = fs.readFileSync(path.join(app.outdir, TrustReport.FILE_NAME), 'utf8');
    expect(report).toContain('| id-runner | workload | microsoft365 | AKS workload identity |');
    expect(report).toContain('| id-runner | Reader | /subscriptions/');
    expect(report).toContain('| id-runner | Basic | platform |');
    // A reference is shown as the address it points to.
    expect(report).toContain('| id-runner | Kubernetes | data.azurerm_kubernetes_cluster.Aks.oidc_issuer_url | system:serviceaccount:tf:runner |');
    const workload = fs.readFileSync(path.join(app.outdir, 'stacks', 'workload', TrustReport.FILE_NAME), 'utf8');
    expect(workload).toMatch(/\["microsoft365 in workload<br\/>AKS workload identity"\]:::signin -\.-> I\d+/);
  });

  test('every stack\'s page is written, and is what its report renders', () => {
    const app = twoStacks();
    for (const stack of ['platform', 'workload']) {
      const report = app.node.findChild(stack).node.findChild('TrustReport') as TrustReport;
      expect(fs.readFileSync(path.join(app.outdir, 'stacks', stack, TrustReport.FILE_NAME), 'utf8')).toBe(report.markdown);
    }
  });

  test('a report added to one stack by hand writes its own page and no app-wide page', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'alone');
    addProviders(stack);
    new UserAssignedIdentity(stack, 'Runner', { name: 'id-runner', resourceGroupName: 'rg', location: 'westeurope' });
    new TrustReport(stack, 'Review');
    app.synth();
    expect(fs.readFileSync(path.join(app.outdir, 'stacks', 'alone', TrustReport.FILE_NAME), 'utf8')).toContain('id-runner');
    expect(fs.existsSync(path.join(app.outdir, TrustReport.FILE_NAME))).toBe(false);
  });

  test('the JSON twin holds the same picture: the Markdown is rendered from it', () => {
    const app = twoStacks();
    const json = JSON.parse(fs.readFileSync(path.join(app.outdir, TrustReport.JSON_FILE_NAME), 'utf8'));
    expect(renderTrustMarkdown('Trust report', json)).toBe(fs.readFileSync(path.join(app.outdir, TrustReport.FILE_NAME), 'utf8'));
    expect(json.identities.find((i: any) => i.name === 'id-runner')).toMatchObject({ name: 'id-runner', signIns: [{ stack: 'workload', provider: 'microsoft365', method: 'AKS workload identity' }] });
  });
});

// Every example's reports, and the README's diagram, parsed by the real mermaid library (in jsdom).
test('every Mermaid diagram of the examples and the README parses with mermaid', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mermaid-'));
  synthesizeExamples(outdir);
  const reports = [path.join(outdir, TrustReport.FILE_NAME), ...fs.readdirSync(path.join(outdir, 'stacks')).map((s) => path.join(outdir, 'stacks', s, TrustReport.FILE_NAME))];
  const root = path.join(__dirname, '..', '..');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'check-mermaid.mjs'), ...reports, path.join(root, 'README.md')], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n');
  expect(lines.filter((line) => !line.endsWith(': ok'))).toEqual([]);
  expect(lines).toHaveLength(reports.length + 1);
}, 120_000);

test("the README's diagram is scenario 3's identity stack report, as the library writes it", () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-diagram-'));
  synthesizeExamples(outdir);
  const block = (text: string) => /```mermaid\n[\s\S]*?```/.exec(text)?.[0];
  const report = fs.readFileSync(path.join(outdir, 'stacks', 'm365-k8s-identity', TrustReport.FILE_NAME), 'utf8');
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(block(readme)).toBe(block(report));
}, 60_000);

describe('the picture follows the tree', () => {
  const grantsIn = (report: TrustReport) => JSON.parse(report.appJson).identities.map((i: any) => i.grants.map((g: any) => `${g.permission}: ${g.tier}`));

  test('a grant removed from the tree after it was made is not shown', () => {
    const stack = new TerraformStack(Testing.app(), 'platform');
    addProviders(stack);
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    const holder = new Construct(stack, 'Holder');
    new AppRoleGrant(holder, 'Graph', { principal: app, permissions: ['User.Read.All'] });
    stack.node.tryRemoveChild('Holder');
    expect(grantsIn(new TrustReport(stack, 'Report'))).toEqual([[]]);
  });

  test('rows that sort alike keep the order of the tree, not the order they were made in', () => {
    const stack = new TerraformStack(Testing.app(), 'platform');
    addProviders(stack);
    const app = new AppRegistration(stack, 'Ci', { displayName: 'ci' });
    const first = new Construct(stack, 'A');
    const second = new Construct(stack, 'B');
    new AppRoleGrant(second, 'Graph', { principal: app, permissions: ['User.Read.All'] });
    new DelegatedPermissionGrant(first, 'Graph', { principal: app, scopes: ['User.Read.All'] });
    expect(grantsIn(new TrustReport(stack, 'Report'))).toEqual([['User.Read.All: delegated', 'User.Read.All: Tier 2']]);
  });
});

describe('the chain of each sign-in', () => {
  test('runner, trust used and rights per provider block; "signs in, lacks rights" in red', () => {
    const app = Testing.app();
    const identity = new TerraformStack(app, 'identity');
    addProviders(identity);
    const runner = UserAssignedIdentity.fromAttributes(identity, 'Runner', {
      resourceId: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-runner`,
      clientId: TENANT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID,
    });
    const github = Runner.githubActions({ owner: 'contoso', repository: 'infra', environment: 'production' });
    const ci = new AppRegistration(identity, 'Ci', { displayName: 'ci' });
    ci.addFederatedCredential('Prod', github.trustsFor(ci)[0], { name: 'github-prod' });
    ci.grantGraphAppRoles('Graph', ['DeviceManagementApps.Read.All']);
    const workload = new TerraformStack(app, 'workload');
    new TerraformDataSource(workload, 'CompanyPortal', { terraformResourceType: 'microsoft365_graph_beta_device_and_app_management_mobile_app' });
    new Microsoft365Provider(workload, 'AsCi', { tenantId: TENANT_ID, auth: github.providerAuth(ci) });
    new Microsoft365Provider(workload, 'AsRunner', { alias: 'runner', tenantId: TENANT_ID, auth: ProviderAuth.managedIdentity({ identity: runner }) });
    TrustReport.of(app);
    const report = (workload.node.findChild('TrustReport') as TrustReport);
    const picture = JSON.parse(report.appJson);
    const signIns = picture.identities.flatMap((i: any) => i.signIns);
    expect(signIns).toEqual(expect.arrayContaining([
      expect.objectContaining({ provider: 'microsoft365', runner: 'GitHub Actions contoso/infra environment production', trust: 'github-prod', rights: 'holds what the stack needs' }),
      expect.objectContaining({ provider: 'microsoft365 (alias runner)', runner: 'not given', lacksRights: false }),
    ]));
    expect(report.appMarkdown).toContain('| ci | workload | microsoft365 | GitHub Actions OIDC | GitHub Actions contoso/infra environment production | github-prod | holds what the stack needs |');
  });

  test('an identity that lacks what its block\'s resources need is drawn in red', () => {
    const markdown = renderTrustMarkdown('t', { identities: [{
      key: 'I1', name: 'id-runner', kind: 'user-assigned identity', stack: 'identity', construct: 'identity/Runner', trusts: [], grants: [], azureRoles: [], azureDevOps: [], pipelines: [], wornBy: [],
      signIns: [{ stack: 'workload', provider: 'microsoft365', method: 'managed identity', runner: 'not given', trust: 'none: the machine wears it',
        rights: 'signs in, lacks rights: DeviceManagementApps.Read.All', lacksRights: true }],
    }] });
    expect(markdown).toContain('I1S1["microsoft365 in workload<br/>managed identity<br/>signs in, lacks rights"]:::lacking -.-> I1');
    expect(markdown).toContain('classDef lacking fill:#fdecea,stroke:#c5221f');
    expect(markdown).toContain('| id-runner | workload | microsoft365 | managed identity | not given | none: the machine wears it | signs in, lacks rights: DeviceManagementApps.Read.All |');
  });

  test('a user-assigned identity lists the resources that wear it (identity_ids), the ten VMs of scenario 5 among them', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'worn-'));
    synthesizeExamples(outdir);
    const picture = JSON.parse(fs.readFileSync(path.join(outdir, TrustReport.JSON_FILE_NAME), 'utf8'));
    const fleet = picture.identities.find((i: any) => i.name === 'id-fleet-reporting');
    expect(fleet.wornBy).toHaveLength(11);
    expect(fleet.wornBy).toEqual(expect.arrayContaining(['azurerm_linux_virtual_machine.Vm1', 'azurerm_logic_app_workflow.DeviceReport']));
    expect(fs.readFileSync(path.join(outdir, 'stacks', 'shared-identity', TrustReport.FILE_NAME), 'utf8')).toContain('worn by 11 resources');
  }, 60_000);

  test("an AKS cluster's kubelet identity is worn by the cluster", () => {
    const stack = new TerraformStack(Testing.app(), 'platform');
    addProviders(stack);
    const kubelet = new UserAssignedIdentity(stack, 'Kubelet', { name: 'id-kubelet', resourceGroupName: 'rg', location: 'westeurope' });
    new KubernetesCluster(stack, 'Aks', {
      name: 'aks', resourceGroupName: 'rg', location: 'westeurope', dnsPrefix: 'aks',
      defaultNodePool: { name: 'system', vmSize: 'Standard_D2s_v5', nodeCount: 1 },
      identity: { type: 'SystemAssigned' },
      kubeletIdentity: { userAssignedIdentityId: kubelet.resourceId, clientId: kubelet.clientId, objectId: kubelet.principalId },
    });
    const picture = JSON.parse(new TrustReport(stack, 'Report').appJson);
    expect(picture.identities.find((i: any) => i.name === 'id-kubelet').wornBy).toEqual(['azurerm_kubernetes_cluster.Aks']);
  });
});
