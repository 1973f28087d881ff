import * as fs from 'fs';
import * as path from 'path';
import { Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { parse } from 'yaml';
import { KubernetesServiceAccount, SystemAssignedIdentity, Trust, UserAssignedIdentity } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, TENANT_ID, addProviders, newStack, resolve, warningsOf } from '../util';

const ISSUER = 'https://westeurope.oic.prod-aks.azure.com/t/c/';

function importedIdentity(stack: TerraformStack) {
  return UserAssignedIdentity.fromAttributes(stack, 'Id', { resourceId: IDENTITY_RESOURCE_ID, clientId: CLIENT_ID, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
}

// Annotation and label names: Azure/azure-workload-identity pkg/webhook/consts.go (v1.6.0).
describe('KubernetesServiceAccount', () => {
  test('annotations, pod label and manifest', () => {
    const stack = newStack();
    const identity = importedIdentity(stack);
    identity.addFederatedCredential('Aks', Trust.kubernetes({ issuerUrl: ISSUER, namespace: 'terraform', serviceAccountName: 'runner' }));
    const sa = new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity, tokenExpirationSeconds: 7200 });
    expect(sa.annotations).toEqual({
      'azure.workload.identity/client-id': CLIENT_ID,
      'azure.workload.identity/tenant-id': TENANT_ID,
      'azure.workload.identity/service-account-token-expiration': '7200',
    });
    expect(sa.podLabels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(sa.subject).toBe('system:serviceaccount:terraform:runner');
    expect(sa.manifest).toEqual({
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'runner', namespace: 'terraform', annotations: sa.annotations },
    });
    Testing.synth(stack, true);
    expect(warningsOf(stack)).toEqual([]);
  });

  test('is written as YAML beside the stack output, with no token path anywhere', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'k8s');
    addProviders(stack);
    new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity: importedIdentity(stack) });
    app.synth();
    const file = path.join(app.outdir, 'stacks', 'k8s', 'kubernetes', 'terraform-runner.serviceaccount.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(parse(text)).toEqual({
      apiVersion: 'v1', kind: 'ServiceAccount',
      metadata: { name: 'runner', namespace: 'terraform', annotations: { 'azure.workload.identity/client-id': CLIENT_ID, 'azure.workload.identity/tenant-id': TENANT_ID } },
    });
    expect(text).not.toMatch(/token|\/var\/run/);
  });

  test('an identity created in the stack gets references and a Terraform output with the final YAML', () => {
    const stack = newStack();
    const identity = new UserAssignedIdentity(stack, 'Id', { name: 'id-runner', resourceGroupName: 'rg', location: 'westeurope' });
    identity.addFederatedCredential('Aks', Trust.kubernetes({ issuerUrl: ISSUER, namespace: 'terraform', serviceAccountName: 'runner' }));
    const sa = new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity });
    expect(resolve(stack, sa.annotations['azure.workload.identity/client-id'])).toMatch(/^\$\{azurerm_user_assigned_identity\.\w+\.client_id\}$/);
    const outputs = JSON.parse(Testing.synth(stack, true)).output;
    expect(Object.values(outputs)).toEqual([expect.objectContaining({ value: expect.stringMatching(/^\$\{yamlencode\(/) })]);
  });

  test('warns when the identity does not trust the service account', () => {
    const stack = newStack();
    const identity = importedIdentity(stack);
    identity.addFederatedCredential('Aks', Trust.kubernetes({ issuerUrl: ISSUER, namespace: 'terraform', serviceAccountName: 'other' }));
    new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity });
    Testing.synth(stack, true);
    expect(warningsOf(stack)).toEqual([expect.stringContaining('test/Sa: test/Id has no federated credential for system:serviceaccount:terraform:runner')]);
  });

  test.each([
    [{ namespace: 'Terraform' }, 'test/Sa: invalid namespace "Terraform": a Kubernetes namespace must be a DNS-1123 label'],
    [{ name: 'runner_1' }, 'invalid name "runner_1": a Kubernetes service account name must be a DNS-1123 subdomain'],
    [{ tokenExpirationSeconds: 600 }, 'test/Sa: invalid tokenExpirationSeconds "600": the webhook accepts whole seconds from 3600 (1 hour) to 86400 (1 day)'],
    [{ tokenExpirationSeconds: 90000 }, 'invalid tokenExpirationSeconds "90000"'],
    [{ tenantId: 'contoso' }, 'test/Sa: invalid tenantId "contoso"'],
  ])('rejects %j', (props, message) => {
    const stack = newStack();
    expect(() => new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity: importedIdentity(stack), ...props }))
      .toThrow(message);
  });

  test('rejects a system-assigned identity', () => {
    const stack = newStack();
    const vm = SystemAssignedIdentity.fromPrincipalId(stack, 'Vm', { principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
    expect(() => new KubernetesServiceAccount(stack, 'Sa', { namespace: 'ns', name: 'sa', identity: vm as any }))
      .toThrow('test/Sa: invalid identity "test/Vm": a system-assigned identity cannot be federated with a service account');
  });
});

describe('manifest files', () => {
  function synthApp(build: (stack: TerraformStack) => void): string {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'k8s');
    addProviders(stack);
    build(stack);
    app.synth();
    return path.join(app.outdir, 'stacks', 'k8s', 'kubernetes');
  }

  test('a name too long for a file system is shortened with a hash, and still written', () => {
    const name = `${'a'.repeat(120)}.${'b'.repeat(120)}`;
    const dir = synthApp((stack) => new KubernetesServiceAccount(stack, 'Sa', { namespace: 'n'.repeat(63), name, identity: importedIdentity(stack) }));
    const [file] = fs.readdirSync(dir);
    expect(Buffer.byteLength(file)).toBeLessThanOrEqual(255);
    expect(file).toMatch(/^n{63}-a{120}\.b+-[0-9a-f]{10}\.serviceaccount\.yaml$/);
  });

  test('a namespace only Terraform knows never reaches the file name, and the manifest names the output that has it', () => {
    const namespace = Fn.lower('Terraform');
    let account!: KubernetesServiceAccount;
    const dir = synthApp((stack) => { account = new KubernetesServiceAccount(stack, 'Sa', { namespace, name: 'runner', identity: importedIdentity(stack) }); });
    expect(account.fileName).toMatch(/^construct-k8s-Sa-[0-9a-f]{10}\.serviceaccount\.yaml$/);
    const text = fs.readFileSync(path.join(dir, account.fileName), 'utf8');
    expect(text).toMatch(/^# .*`terraform output -raw Sa_Manifest_[0-9A-F]{8}`/);
  });

  test('a token lifetime from a variable: the manifest names an output that exists and holds the variable', () => {
    let account!: KubernetesServiceAccount;
    const dir = synthApp((stack) => {
      const lifetime = new TerraformVariable(stack, 'lifetime', { type: 'number' });
      account = new KubernetesServiceAccount(stack, 'Sa', { namespace: 'terraform', name: 'runner', identity: importedIdentity(stack), tokenExpirationSeconds: lifetime.numberValue });
    });
    const text = fs.readFileSync(path.join(dir, account.fileName), 'utf8');
    const named = /`terraform output -raw ([^`]+)`/.exec(text)?.[1];
    expect(named).toBeDefined();
    const json = JSON.parse(fs.readFileSync(path.join(dir, '..', 'cdk.tf.json'), 'utf8'));
    expect(Object.keys(json.output ?? {})).toContain(named);
    expect(JSON.stringify(json.output[named!].value)).toContain('var.lifetime');
  });

  test('two service accounts that would write the same file are refused, naming both', () => {
    const stack = newStack();
    const identity = importedIdentity(stack);
    new KubernetesServiceAccount(stack, 'First', { namespace: 'ns', name: 'runner', identity });
    expect(() => new KubernetesServiceAccount(stack, 'Second', { namespace: 'ns', name: 'runner', identity }))
      .toThrow('test/Second: invalid namespace, name "ns, runner": test/First already writes kubernetes/ns-runner.serviceaccount.yaml in stack test');
  });
});
