import { TerraformProvider, TerraformStack } from 'cdktf';
import { IdentityRoot } from './identity-root';

/**
 * The stack's unaliased providers of one Terraform type (nested stacks excluded), in tree order:
 * computed once per synthesis of the stack, since a check that runs per construct (one per
 * credential) and walked the whole stack each time would make synth grow with the square of its size.
 */
export function defaultProviders(stack: TerraformStack, terraformType: string): TerraformProvider[] {
  return IdentityRoot.of(stack).memoized(stack, `default providers@1 ${terraformType}`, () => stack.node.findAll()
    .filter((c): c is TerraformProvider => c instanceof TerraformProvider
      && c.terraformResourceType === terraformType && c.alias === undefined && TerraformStack.of(c) === stack));
}
