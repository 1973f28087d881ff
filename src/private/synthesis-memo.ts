import { TerraformProvider, TerraformStack } from 'cdktf';

/**
 * Facts about a finished stack, computed once while it synthesizes: a check that runs per construct
 * (one per credential) and walks the whole stack would make synth grow with the square of the stack's
 * size. Outside a synthesis (Testing.synth, a getter) every call computes afresh, so a tree that
 * changes between two synths is never judged by stale facts.
 */
const memos = new WeakMap<TerraformStack, Map<string, unknown>>();

/** Runs one synthesis of `stack`, during which the facts below are computed once. */
export function synthesizing<T>(stack: TerraformStack, synthesize: () => T): T {
  memos.set(stack, new Map());
  try {
    return synthesize();
  } finally {
    memos.delete(stack);
  }
}

/** `compute()`, once per synthesis of `stack` for each `key`. */
function memoized<T>(stack: TerraformStack, key: string, compute: () => T): T {
  const memo = memos.get(stack);
  if (!memo) return compute();
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as T;
}

/** The stack's unaliased providers of one Terraform type (nested stacks excluded), in tree order. */
export function defaultProviders(stack: TerraformStack, terraformType: string): TerraformProvider[] {
  return memoized(stack, `default providers ${terraformType}`, () => stack.node.findAll()
    .filter((c): c is TerraformProvider => c instanceof TerraformProvider
      && c.terraformResourceType === terraformType && c.alias === undefined && TerraformStack.of(c) === stack));
}
