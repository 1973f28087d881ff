import { TerraformStack } from 'cdktf';
import { HcpTerraformWorkspace, TfeProvider, UserAssignedIdentity, ValidationError } from '../../src';
import { CLIENT_ID, IDENTITY_RESOURCE_ID, PRINCIPAL_ID, SUBSCRIPTION_ID, TENANT_ID, dataSourcesOf, newStack, resourcesOf, synthJson, thrownBy } from '../util';

function tfeStack(): TerraformStack {
  const stack = newStack();
  new TfeProvider(stack, 'Tfe', { organization: 'contoso' });
  return stack;
}

function identity(stack: TerraformStack, id: string, clientId = CLIENT_ID) {
  return UserAssignedIdentity.fromAttributes(stack, id, { resourceId: IDENTITY_RESOURCE_ID.replace('id-intune-ci', `id-${id.toLowerCase()}`), clientId, principalId: PRINCIPAL_ID, tenantId: TENANT_ID });
}

const workspace = { organization: 'contoso', project: 'Platform', workspace: 'platform-prod' };
const PLAN_CLIENT = '99999999-3333-4444-5555-666666666666';

describe('HcpTerraformWorkspace', () => {
  test('one identity: TFC_AZURE_RUN_CLIENT_ID, and both run phases trusted on it', () => {
    const stack = tfeStack();
    new HcpTerraformWorkspace(stack, 'Prod', { ...workspace, identity: identity(stack, 'Runner'), workspaceId: 'ws-AbCdEfGh12345678', subscriptionId: SUBSCRIPTION_ID });
    const json = synthJson(stack);
    const variables = Object.values<any>(resourcesOf(json, 'tfe_variable'));
    expect(Object.fromEntries(variables.map((v) => [v.key, v.value]))).toEqual({
      TFC_AZURE_PROVIDER_AUTH: 'true', TFC_AZURE_RUN_CLIENT_ID: CLIENT_ID, ARM_TENANT_ID: TENANT_ID, ARM_SUBSCRIPTION_ID: SUBSCRIPTION_ID,
    });
    for (const v of variables) expect(v).toMatchObject({ workspace_id: 'ws-AbCdEfGh12345678', category: 'env', sensitive: false });
    expect(json.data?.tfe_workspace).toBeUndefined();
    expect(Object.values<any>(resourcesOf(json, 'azurerm_federated_identity_credential')).map((c) => c.subject).sort()).toEqual([
      'organization:contoso:project:Platform:workspace:platform-prod:run_phase:apply',
      'organization:contoso:project:Platform:workspace:platform-prod:run_phase:plan',
    ]);
    expect(json.terraform.required_providers.tfe).toEqual({ source: 'hashicorp/tfe', version: '0.80.0' });
  });

  test('two identities: distinct plan and apply client IDs, each trusting its own phase; the workspace read by name', () => {
    const stack = tfeStack();
    new HcpTerraformWorkspace(stack, 'Prod', { ...workspace, planIdentity: identity(stack, 'Plan', PLAN_CLIENT), applyIdentity: identity(stack, 'Apply') });
    const json = synthJson(stack);
    const byKey = Object.fromEntries(Object.values<any>(resourcesOf(json, 'tfe_variable')).map((v) => [v.key, v.value]));
    expect(byKey).toEqual({ TFC_AZURE_PROVIDER_AUTH: 'true', TFC_AZURE_PLAN_CLIENT_ID: PLAN_CLIENT, TFC_AZURE_APPLY_CLIENT_ID: CLIENT_ID, ARM_TENANT_ID: TENANT_ID });
    expect(Object.values(dataSourcesOf(json, 'tfe_workspace'))).toEqual([expect.objectContaining({ name: 'platform-prod', organization: 'contoso' })]);
    const credentials = Object.values<any>(resourcesOf(json, 'azurerm_federated_identity_credential'));
    expect(credentials.map((c) => [c.parent_id.replace(/.*\//, ''), c.subject.replace(/.*:/, '')]).sort()).toEqual([['id-apply', 'apply'], ['id-plan', 'plan']]);
  });

  test.each([
    [{}, /give identity alone, or planIdentity and applyIdentity together/],
    [{ planIdentity: 'plan' }, /give identity alone, or planIdentity and applyIdentity together/],
    [{ identity: 'run', applyIdentity: 'apply' }, /give identity alone/],
    [{ identity: 'run', workspaceId: 'platform-prod' }, /invalid workspaceId "platform-prod": an HCP Terraform workspace ID is "ws-"/],
    [{ identity: 'run', workspace: 'platform prod' }, /HCP Terraform workspace names have only letters, digits/],
    [{ identity: 'run', variables: { TFC_AZURE_RUN_CLIENT_ID: 'x' } }, /the library already sets TFC_AZURE_RUN_CLIENT_ID/],
    [{ identity: 'run', variables: { ARM_CLIENT_SECRET: 'x' } }, /the name says it holds a secret/],
    [{ identity: 'run', variables: { 'TF-LOG': 'x' } }, /environment variable names have only letters, digits and "_"/],
  ])('refuses %j', (extra, message) => {
    const stack = tfeStack();
    const resolved: any = { ...extra };
    for (const key of ['identity', 'planIdentity', 'applyIdentity']) if (resolved[key]) resolved[key] = identity(stack, resolved[key]);
    const error = thrownBy(() => new HcpTerraformWorkspace(stack, 'Prod', { ...workspace, ...resolved }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
  });
});
