import { IConstruct } from 'constructs';
import { Aspects, IAspect, TerraformStack } from 'cdktf';

/**
 * When in a stack's synthesis a hook runs: `build` hooks add constructs that depend on the whole
 * tree (a grant computed from another stack); `report` hooks look at the finished tree (warnings).
 */
export enum HookPhase {
  BUILD = 'build',
  REPORT = 'report',
}

interface Hooks {
  readonly build: Array<() => void>;
  readonly report: Array<() => void>;
}

const hooksByStack = new WeakMap<TerraformStack, Hooks>();

/**
 * Runs `hook` once, when `scope`'s stack synthesizes (cdktf runs aspects first, in Testing.synth
 * too), every build hook before any report hook. One aspect per stack runs them all, when it
 * visits the stack: constructs a build hook adds are then visited by the rest of the aspects.
 */
export function atSynth(scope: IConstruct, phase: HookPhase, hook: () => void): void {
  const stack = TerraformStack.of(scope);
  let hooks = hooksByStack.get(stack);
  if (!hooks) {
    hooksByStack.set(stack, hooks = { build: [], report: [] });
    Aspects.of(stack).add(new RunHooks(stack, hooks));
  }
  hooks[phase].push(hook);
}

class RunHooks implements IAspect {
  constructor(private readonly stack: TerraformStack, private readonly hooks: Hooks) {}

  public visit(node: IConstruct): void {
    if (node !== this.stack) return;
    // Each hook runs once: a second synth of the same tree must not repeat it.
    for (const phase of [HookPhase.BUILD, HookPhase.REPORT]) {
      const due = this.hooks[phase].splice(0);
      due.forEach((hook) => hook());
    }
  }
}
