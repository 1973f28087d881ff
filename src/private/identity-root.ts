import { Construct, IConstruct } from 'constructs';
import { Aspects, IAspect, IStackSynthesizer, ISynthesisSession, TerraformStack } from 'cdktf';
import { commitStaging, createStaging, discardStaging, stacksOf, withoutSkipValidationAdvice } from './staged-output';

/**
 * When in a stack's synthesis a hook runs: `build` hooks add constructs that depend on the whole
 * tree (a grant computed from another stack); `report` hooks look at the finished tree (warnings).
 */
export enum HookPhase {
  BUILD = 'build',
  REPORT = 'report',
}

/** What the root keeps for one stack. */
interface StackRecord {
  readonly hooks: { readonly build: Array<() => void>; readonly report: Array<() => void> };
  /** Write files of the stack's synthesis (a report, a manifest) into the session's output folder. */
  readonly writers: Array<(session: ISynthesisSession) => void>;
}

/**
 * The one construct that holds the library's app-wide state, at the app root (child id
 * `AzureIdentity`), as AWS CDK's `aws-iam` keeps its `PolicySynthesizer`: the credentials each
 * identity holds, the app roles each principal receives, the facts of the trust report, pending
 * warnings, per-stack hooks and file writers, and the staging of all-or-nothing output.
 *
 * It is found by a `Symbol.for` brand rather than `instanceof`, so that two copies of the library in
 * one app (of the same or different versions, a common npm outcome) share one root. For the same
 * reason the state it holds is keyed by plain strings and holds plain data and functions: a copy
 * reads what another copy wrote without knowing its classes.
 */
export class IdentityRoot extends Construct {
  /** The root's construct id under the app. */
  public static readonly ID = 'AzureIdentity';

  /**
   * The app's root, created on first use. An app that refuses constructs outside stacks (CDK
   * Terrain's `failOnConstructsOutsideOfStacks`) gets it under the first stack that uses the library.
   */
  public static of(scope: IConstruct): IdentityRoot {
    const app = scope.node.root;
    const pointer = (app as { [ROOT_POINTER]?: IdentityRoot })[ROOT_POINTER];
    if (pointer) return pointer;
    const existing = app.node.tryFindChild(IdentityRoot.ID);
    if (existing && isRoot(existing)) return remember(app, existing);
    return remember(app, new IdentityRoot(refusesConstructsOutsideStacks(app) ? topStackOf(scope) : app));
  }

  private readonly values = new Map<string, unknown>();
  private readonly stacks = new Map<TerraformStack, StackRecord>();
  /** Facts computed once per synthesis of a stack, while it synthesizes. */
  private readonly memos = new Map<TerraformStack, Map<string, unknown>>();
  /** The app synths in progress: where their stacks write, and which stacks are still to come. */
  private readonly runs = new Map<ISynthesisSession, { readonly staging: string; readonly remaining: Set<TerraformStack> }>();

  private constructor(host: IConstruct) {
    super(host as Construct, IdentityRoot.ID);
    Object.defineProperty(this, ROOT_BRAND, { value: true });
    const app = this.node.root as IConstruct & { synth?: () => void };
    stacksOf(app).forEach((stack) => this.stage(stack));
    // A stack created later, that never meets the library, would otherwise write straight into the
    // output folder if it synthesizes first: every stack is staged before any synthesizes.
    const synth = app.synth;
    if (typeof synth === 'function') {
      Object.defineProperty(app, 'synth', {
        value: () => {
          stacksOf(app).forEach((stack) => this.stage(stack));
          return synth.call(app);
        },
        configurable: true,
        writable: true,
      });
    }
  }

  /**
   * The app-wide state of one concern, created on first use. Keys carry a version (`credentials@1`)
   * so that copies of the library that disagree on a shape keep apart.
   */
  public state<T>(key: string, create: () => T): T {
    if (!this.values.has(key)) this.values.set(key, create());
    return this.values.get(key) as T;
  }

  /** Runs `hook` once, when `stack` synthesizes, every build hook before any report hook. */
  public atSynth(stack: TerraformStack, phase: HookPhase, hook: () => void): void {
    this.recordOf(stack).hooks[phase].push(hook);
  }

  /** Writes a file when `stack` synthesizes, after cdktf has written the stack. */
  public addFileWriter(stack: TerraformStack, writer: (session: ISynthesisSession) => void): void {
    this.recordOf(stack).writers.push(writer);
  }

  /**
   * `compute()`, once per synthesis of `stack` for each `key`. Outside a synthesis (Testing.synth, a
   * getter) every call computes afresh, so a tree that changes between two synths is never judged by
   * stale facts.
   */
  public memoized<T>(stack: TerraformStack, key: string, compute: () => T): T {
    const memo = this.memos.get(stack);
    if (!memo) return compute();
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as T;
  }

  private recordOf(stack: TerraformStack): StackRecord {
    let record = this.stacks.get(stack);
    if (!record) {
      const created: StackRecord = { hooks: { build: [], report: [] }, writers: [] };
      this.stacks.set(stack, record = created);
      this.stage(stack);
      // Testing.synth runs aspects but no synthesizer: the hooks run from whichever comes first.
      Aspects.of(stack).add(new RunHooksAspect(stack, () => this.runHooks(created)));
    }
    return record;
  }

  /** Has `stack` write through the root: once, whichever copy of the library asks. */
  private stage(stack: TerraformStack): void {
    if ((stack.synthesizer as { [STAGED_BRAND]?: boolean })[STAGED_BRAND]) return;
    stack.synthesizer = new StagedSynthesizer(stack, stack.synthesizer, this);
  }

  /**
   * One stack's synthesis: its hooks, then cdktf's own synthesis into the staging folder, then the
   * files the library writes for it; the last stack of the app moves everything into place.
   */
  public synthesizeStaged(stack: TerraformStack, inner: IStackSynthesizer, session: ISynthesisSession): void {
    const run = this.runs.get(session) ?? this.startRun(session, stack);
    const staged: ISynthesisSession = { ...session, outdir: run.staging };
    const record = this.stacks.get(stack);
    this.memos.set(stack, new Map());
    try {
      if (record) this.runHooks(record);
      inner.synthesize(staged);
      record?.writers.forEach((write) => write(staged));
    } catch (error) {
      this.runs.delete(session);
      discardStaging(run.staging);
      throw withoutSkipValidationAdvice(error);
    } finally {
      this.memos.delete(stack);
    }
    run.remaining.delete(stack);
    if (run.remaining.size === 0) {
      this.runs.delete(session);
      commitStaging(run.staging, session.outdir);
    }
  }

  private startRun(session: ISynthesisSession, stack: TerraformStack) {
    const stacks = stacksOf(this.node.root);
    stacks.forEach((s) => this.stage(s));
    const run = { staging: createStaging(session.outdir), remaining: new Set(stacks.includes(stack) ? stacks : [stack]) };
    this.runs.set(session, run);
    return run;
  }

  /** Each hook runs once: a second synth of the same tree must not repeat it. */
  private runHooks(record: StackRecord): void {
    for (const phase of [HookPhase.BUILD, HookPhase.REPORT]) {
      record.hooks[phase].splice(0).forEach((hook) => hook());
    }
  }
}

const ROOT_BRAND = Symbol.for('cdktf-azure-identity/IdentityRoot@1');
const ROOT_POINTER = Symbol.for('cdktf-azure-identity/IdentityRoot@1/pointer');
const STAGED_BRAND = Symbol.for('cdktf-azure-identity/StagedSynthesizer@1');

function isRoot(node: IConstruct): node is IdentityRoot {
  return (node as { [ROOT_BRAND]?: boolean })[ROOT_BRAND] === true;
}

/** The app keeps a pointer to its root, so that a root under a stack is found in one step too. */
function remember(app: IConstruct, root: IdentityRoot): IdentityRoot {
  Object.defineProperty(app, ROOT_POINTER, { value: root, configurable: true });
  return root;
}

function refusesConstructsOutsideStacks(app: IConstruct): boolean {
  return String(app.node.tryGetContext('failOnConstructsOutsideOfStacks')) === 'true';
}

function topStackOf(scope: IConstruct): IConstruct {
  return scope.node.scopes.find((s) => TerraformStack.isStack(s)) ?? scope.node.root;
}

class RunHooksAspect implements IAspect {
  constructor(private readonly stack: TerraformStack, private readonly run: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) this.run();
  }
}

/** A stack's synthesizer, wrapped so that the stack writes through the root. */
class StagedSynthesizer implements IStackSynthesizer {
  constructor(private readonly stack: TerraformStack, private readonly inner: IStackSynthesizer, private readonly root: IdentityRoot) {
    Object.defineProperty(this, STAGED_BRAND, { value: true });
  }

  public synthesize(session: ISynthesisSession): void {
    this.root.synthesizeStaged(this.stack, this.inner, session);
  }
}

/**
 * Runs `hook` once, when `scope`'s stack synthesizes (in Testing.synth too), every build hook before
 * any report hook, before cdktf validates the stack and collects its annotations.
 */
export function atSynth(scope: IConstruct, phase: HookPhase, hook: () => void): void {
  IdentityRoot.of(scope).atSynth(TerraformStack.of(scope), phase, hook);
}

/**
 * The state of one concern for one stack, in the app's root, created on first use. `key` carries a
 * version, as for `IdentityRoot.state`.
 */
export function stackState<T>(stack: TerraformStack, key: string, create: () => T): T {
  const byStack = IdentityRoot.of(stack).state(key, () => new Map<TerraformStack, T>());
  if (!byStack.has(stack)) byStack.set(stack, create());
  return byStack.get(stack)!;
}
