import { IConstruct } from 'constructs';
import { TerraformProvider, TerraformStack } from 'cdktf';

/**
 * A resource of a provider that the stack does not configure makes Terraform look for
 * `hashicorp/<name>`, which for github and azuredevops is not the provider the bindings were written
 * for: the stack must hold the provider block, so that `required_providers` names the right source.
 */
export function requireProvider(scope: IConstruct, providerType: string, fix: string): void {
  scope.node.addValidation({
    validate: () => {
      const stack = TerraformStack.of(scope);
      const found = stack.node.findAll().some((c) => c instanceof TerraformProvider && c.terraformResourceType === providerType && TerraformStack.of(c) === stack);
      return found ? [] : [`invalid provider (not given): stack ${stack.node.id} has no ${providerType} provider, so Terraform would look for hashicorp/${providerType}. Fix: ${fix}.`];
    },
  });
}
