import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformStack } from 'cdktf';

/**
 * cdktf validates and writes one stack at a time, so an error in a later stack leaves the earlier
 * stacks' cdk.tf.json written. Every stack that exists when the library is first used in it gets
 * an aspect that validates all the app's stacks before the first write: a failed synth writes nothing.
 *
 * Cheap by design: called from constructors, it does work only for a stack it has not seen.
 */
export function validateAppBeforeWriting(scope: IConstruct): void {
  const own = TerraformStack.of(scope);
  if (hooked.has(own)) return;
  for (const stack of own.node.root.node.findAll().filter(TerraformStack.isStack)) {
    if (hooked.has(stack)) continue;
    hooked.add(stack);
    Aspects.of(stack).add(new ValidateAppFirst(stack));
  }
}

const hooked = new WeakSet<TerraformStack>();

class ValidateAppFirst implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    const root = node.node.root as IConstruct & { skipValidation?: boolean };
    if (root.skipValidation) return;
    for (const other of root.node.findAll().filter(TerraformStack.isStack)) {
      if (other !== this.stack) other.runAllValidations();
    }
  }
}
