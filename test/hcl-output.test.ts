import { TerraformStack, Testing } from 'cdktf';
import { examples } from '../examples';

// `cdktf synth --hcl` goes through the hand-written bindings' synthesizeHclAttributes.
test('the hand-written provider and resource bindings render as HCL', () => {
  const app = Testing.app();
  const [, workload] = examples.find((e) => e.name === 'azuredevops-managed-identity')!.build(app) as TerraformStack[];
  const providers = examples.find((e) => e.name === 'providers')!.build(Testing.app()) as TerraformStack;
  const platform = app.node.findChild('ado-mi-platform') as TerraformStack;

  const m365 = Testing.synthHcl(providers);
  expect(m365).toMatch(/provider "microsoft365" \{\s*tenant_id = "8a0d3f3c-6f6e-4b8e-9a51-1c2d3e4f5a6b"\s*auth_method = "managed_identity"\s*entra_id_options = \{\s*managed_identity_id = "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"\s*\}\s*\}/);
  expect(m365).toMatch(/provider "azuredevops" \{\s*org_service_url = "https:\/\/dev.azure.com\/contoso"\s*use_cli = false\s*use_oidc = false\s*use_msi = true/);
  expect(Testing.synthHcl(workload)).toMatch(/alias = "runner"/);
  expect(Testing.synthHcl(platform)).toMatch(/resource "azuredevops_service_principal_entitlement" "\w+" \{\s*origin_id = "\$\{azurerm_user_assigned_identity\.\w+\.principal_id\}"\s*origin = "aad"\s*account_license_type = "express"/);
});
