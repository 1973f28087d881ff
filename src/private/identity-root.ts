import { Construct, IConstruct } from 'constructs';
import { Aspects, IAspect, IStackSynthesizer, ISynthesisSession, TerraformElement, TerraformStack } from 'cdktf';
import { ValidationError } from '../core/validation-error';
import { commitStaging, createStaging, discardStaging, stacksOf, withoutSkipValidationAdvice } from './staged-output';

/**
 * When in a stack's synthesis a hook runs: `build` hooks add constructs that depend on the whole
 * tree (a grant computed from another stack); `report` hooks look at the tree once the build hooks
 * have run (warnings). Both run before cdktf invokes the stack's aspects, validates it and collects
 * its annotations, so that a warning always reaches the manifest, whichever framework core runs.
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

/** One synthesis in progress: where its stacks write, and which stacks are still to come. */
interface Run {
  readonly staging: string;
  readonly remaining: Set<TerraformStack>;
  /** Started by the app's own synth (all its stacks), rather than a direct call for one stack. */
  readonly wholeApp: boolean;
}

/**
 * The one construct that holds the library's app-wide state, at the app root (child id
 * `AzureIdentity`), as AWS CDK's `aws-iam` keeps its `PolicySynthesizer`: the credentials each
 * identity holds, the app roles each principal receives, the facts of the trust report, pending
 * warnings, per-stack hooks and file writers, and the staging of all-or-nothing output.
 *
 * The app points to it through a `Symbol.for` key rather than a module-level registry or an
 * `instanceof` test, so that two copies of the library in one app (a common npm outcome) share one
 * root. Its state is keyed by versioned strings and holds plain data and functions, so a copy reads
 * what another copy wrote without knowing its classes; a change to this class's methods or to a
 * state's shape bumps the version in the keys below and in the state keys (see CONTRIBUTING.md).
 */
export class IdentityRoot extends Construct {
  /** The root's construct id. */
  public static readonly ID = 'AzureIdentity';

  /**
   * The app's root, created on first use: under the app, or under the first stack that uses the
   * library when the app refuses constructs outside stacks (CDK Terrain's `failOnConstructsOutsideOfStacks`).
   */
  public static of(scope: IConstruct): IdentityRoot {
    const app = scope.node.root as IConstruct & { [ROOT_KEY]?: IdentityRoot };
    if (!app[ROOT_KEY]) {
      const root = new IdentityRoot(refusesConstructsOutsideStacks(app) ? topStackOf(scope) : app);
      Object.defineProperty(app, ROOT_KEY, { value: root, configurable: true });
    }
    const root = app[ROOT_KEY]!;
    if (!root.stagerPlaced) root.placeStager(scope);
    return root;
  }

  private readonly values = new Map<string, unknown>();
  private readonly stacks = new Map<TerraformStack, StackRecord>();
  /** Facts computed once per synthesis of a stack, while it synthesizes. */
  private readonly memos = new Map<TerraformStack, Map<string, unknown>>();
  private readonly runs = new Map<ISynthesisSession, Run>();
  /** Whether a stack holds the element that stages every stack (see `StageEveryStack`). */
  private stagerPlaced = false;

  private constructor(host: IConstruct) {
    super(host as Construct, IdentityRoot.ID);
  }

  /**
   * The app-wide state of one concern, created on first use. Keys carry a version (`credentials@1`)
   * so that copies of the library that disagree on a shape keep apart.
   */
  public state<T>(key: string, create: () => T): T {
    if (!this.values.has(key)) this.values.set(key, create());
    return this.values.get(key) as T;
  }

  /** Runs `hook` once, when `stack` next synthesizes, every build hook before any report hook. */
  public atSynth(stack: TerraformStack, phase: HookPhase, hook: () => void): void {
    this.recordOf(stack).hooks[phase].push(hook);
  }

  /** Writes a file every time `stack` synthesizes, after cdktf has written the stack. */
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

  /**
   * Has every stack of the app write through the root. Called when the first stack that uses the
   * library prepares: App.synth prepares every stack before it synthesizes any, in every language.
   */
  public stageEveryStack(): void {
    stacksOf(this.node.root).forEach((stack) => this.stage(stack));
  }

  /**
   * One stack's synthesis: its hooks, then cdktf's own synthesis into the staging folder, then the
   * files the library writes for it; the last stack of the run checks the app's own validations and
   * moves everything into place.
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
      run.remaining.delete(stack);
      if (run.remaining.size === 0) {
        this.runs.delete(session);
        if (run.wholeApp && !session.skipValidation) this.validateApp();
        commitStaging(run.staging, session.outdir);
      }
    } catch (error) {
      this.runs.delete(session);
      discardStaging(run.staging);
      throw withoutSkipValidationAdvice(error);
    } finally {
      this.memos.delete(stack);
    }
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

  /** Places the element that stages every stack in the first stack that uses the library. */
  private placeStager(scope: IConstruct): void {
    const stack = scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
    if (!stack) return;
    this.stagerPlaced = true;
    new StageEveryStack(stack, this);
    this.stage(stack);
  }

  /** Has `stack` write through the root: once, whichever copy of the library asks. */
  private stage(stack: TerraformStack): void {
    if ((stack.synthesizer as { [STAGED_KEY]?: boolean })[STAGED_KEY]) return;
    stack.synthesizer = new StagedSynthesizer(stack, stack.synthesizer, this);
  }

  private startRun(session: ISynthesisSession, stack: TerraformStack): Run {
    const app = this.node.root as IConstruct & { manifest?: unknown };
    // App.synth hands every stack the app's own manifest; Testing.fullSynth and other direct calls
    // synthesize one stack with a manifest of their own, and that stack alone is the run.
    const wholeApp = session.manifest === app.manifest;
    const stacks = wholeApp ? stacksOf(app) : [stack];
    stacks.forEach((s) => this.stage(s));
    const run: Run = { staging: createStaging(session.outdir), remaining: new Set(stacks), wholeApp };
    this.runs.set(session, run);
    return run;
  }

  /**
   * cdktf runs the app's own validations after the last stack has written; they run here first, so
   * that a failing one leaves nothing written either.
   */
  private validateApp(): void {
    const errors = this.node.root.node.validate();
    if (errors.length === 0) return;
    throw new ValidationError(undefined, `The app failed validation:\n  ${errors.join('\n  ')}\nNothing was written: fix the input above and synthesize again.`);
  }

  /**
   * Each hook runs once: a second synth of the same tree must not repeat it. A hook that throws
   * leaves the later ones queued for the next synth.
   */
  private runHooks(record: StackRecord): void {
    for (const phase of [HookPhase.BUILD, HookPhase.REPORT]) {
      const queue = record.hooks[phase];
      while (queue.length) queue.shift()!();
    }
  }
}

const ROOT_KEY = Symbol.for('cdktf-azure-identity/IdentityRoot@1');
const STAGED_KEY = Symbol.for('cdktf-azure-identity/StagedSynthesizer@1');

function refusesConstructsOutsideStacks(app: IConstruct): boolean {
  return String(app.node.tryGetContext('failOnConstructsOutsideOfStacks')) === 'true';
}

function topStackOf(scope: IConstruct): IConstruct {
  return scope.node.scopes.find((s) => TerraformStack.isStack(s)) ?? scope.node.root;
}

/** A stack's synthesizer, wrapped so that the stack writes through the root. */
class StagedSynthesizer implements IStackSynthesizer {
  constructor(private readonly stack: TerraformStack, private readonly inner: IStackSynthesizer, private readonly root: IdentityRoot) {
    Object.defineProperty(this, STAGED_KEY, { value: true });
  }

  public synthesize(session: ISynthesisSession): void {
    this.root.synthesizeStaged(this.stack, this.inner, session);
  }
}

/**
 * An element that writes nothing (`{}` to the configuration and to the metadata), placed in the first
 * stack that uses the library. App.synth prepares every stack, reading each element's configuration,
 * before it synthesizes any: reading this one stages every stack, so that a stack created later that
 * never meets the library cannot write straight into the output folder ahead of the others.
 */
class StageEveryStack extends TerraformElement {
  constructor(scope: TerraformStack, private readonly root: IdentityRoot) {
    super(scope, `${IdentityRoot.ID}Staging`);
  }

  public toTerraform(): any {
    this.root.stageEveryStack();
    return {};
  }
}

class RunHooksAspect implements IAspect {
  constructor(private readonly stack: TerraformStack, private readonly run: () => void) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) this.run();
  }
}

/**
 * Runs `hook` once, when `scope`'s stack next synthesizes (in Testing.synth too), every build hook
 * before any report hook, before cdktf invokes the stack's aspects, validates it and collects its
 * annotations.
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
