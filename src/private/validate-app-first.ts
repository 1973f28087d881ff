import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformStack } from 'cdktf';

/**
 * cdktf validates and writes one stack at a time, so an error in a later stack leaves the earlier
 * stacks' cdk.tf.json written. Every stack that exists when the library is first used in it gets
 * an aspect that validates all the app's stacks, and looks for error annotations in them, before the
 * first write: a failed synth writes nothing.
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
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    for (const other of stacks) {
      if (other !== this.stack) other.runAllValidations();
    }
    // cdktf aborts a stack on error annotations only after writing its extra files (our manifests
    // and reports); refuse here instead, unless the user asked cdktf to carry on.
    if (process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined) return;
    const errors = stacks.flatMap((stack) => stack.node.findAll().flatMap((c) => c.node.metadata
      .filter((m) => m.type === '@cdktf/error')
      .map((m) => `[${c.node.path}] ${m.data}`)));
    if (errors.length) {
      throw new Error(`Synthesis stopped before writing anything, because of error annotations:\n  ${errors.join('\n  ')}`);
    }
  }
}
