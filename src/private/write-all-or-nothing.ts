import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { IStackSynthesizer, ISynthesisSession, TerraformStack } from 'cdktf';
import { ValidationError } from '../core/validation-error';
import { synthesizing } from './synthesis-memo';

/**
 * cdktf synthesizes and writes one stack at a time, so anything that fails in a later stack (a
 * validation, an error annotation from any aspect, a file it cannot write) leaves the earlier
 * stacks' files behind. The library wraps each stack's synthesizer so that every stack writes into
 * one staging folder, moved into the output folder only once the last stack has succeeded: a
 * failed synth writes nothing, and each stack is validated once, by cdktf itself.
 *
 * Cheap by design, since constructors call it: the first call in an app wraps every stack that
 * exists then, later calls wrap their own stack, and the first wrapped stack to synthesize wraps
 * every other one.
 */
export function writeAppAllOrNothing(scope: IConstruct): void {
  const stack = TerraformStack.of(scope);
  if (wrapped.has(stack)) return;
  const root = scope.node.root;
  if (!seenRoots.has(root)) {
    seenRoots.add(root);
    stacksOf(root).forEach(wrap);
  }
  wrap(stack);
}

const seenRoots = new WeakSet<IConstruct>();

/** Stacks in the order App.synth writes them, found without entering any stack. */
function stacksOf(root: IConstruct): TerraformStack[] {
  const found: TerraformStack[] = [];
  const visit = (node: IConstruct) => {
    if (TerraformStack.isStack(node)) found.push(node);
    else node.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

const wrapped = new WeakSet<TerraformStack>();

function wrap(stack: TerraformStack): void {
  if (wrapped.has(stack)) return;
  wrapped.add(stack);
  stack.synthesizer = new StagedSynthesizer(stack, stack.synthesizer);
}

/** One app synth in progress: where its stacks write, and how many are still to come. */
interface Run {
  readonly outdir: string;
  readonly staging: string;
  remaining: Set<TerraformStack>;
}

const runs = new WeakMap<ISynthesisSession, Run>();

class StagedSynthesizer implements IStackSynthesizer {
  constructor(private readonly stack: TerraformStack, private readonly inner: IStackSynthesizer) {}

  public synthesize(session: ISynthesisSession): void {
    const run = runs.get(session) ?? this.start(session);
    try {
      synthesizing(this.stack, () => this.inner.synthesize({ ...session, outdir: run.staging }));
    } catch (error) {
      discard(session, run);
      throw withoutSkipValidationAdvice(error);
    }
    run.remaining.delete(this.stack);
    if (run.remaining.size === 0) commit(session, run);
  }

  private start(session: ISynthesisSession): Run {
    const stacks = stacksOf(this.stack.node.root);
    stacks.forEach(wrap);
    const staging = fs.mkdtempSync(path.join(session.outdir, '.staging-'));
    fs.mkdirSync(path.join(staging, 'stacks'));
    const run: Run = { outdir: session.outdir, staging, remaining: new Set(stacks.includes(this.stack) ? stacks : [this.stack]) };
    runs.set(session, run);
    return run;
  }
}

/**
 * Moves every staged file into the output folder, replacing what an earlier synth left there: a
 * folder the output does not have yet moves in one rename, an existing one file by file.
 */
function commit(session: ISynthesisSession, run: Run): void {
  const move = (relative: string) => {
    const from = path.join(run.staging, relative);
    const to = path.join(run.outdir, relative);
    if (!fs.existsSync(to)) {
      fs.renameSync(from, to);
    } else if (fs.statSync(from).isDirectory()) {
      for (const entry of fs.readdirSync(from).sort()) move(path.join(relative, entry));
    } else {
      fs.renameSync(from, to);
    }
  };
  for (const stack of fs.readdirSync(path.join(run.staging, 'stacks')).sort()) move(path.join('stacks', stack));
  // Files for the whole app (the trust report) sit beside the stacks folder.
  for (const entry of fs.readdirSync(run.staging).sort()) if (entry !== 'stacks') move(entry);
  discard(session, run);
}

function discard(session: ISynthesisSession, run: Run): void {
  fs.rmSync(run.staging, { recursive: true, force: true });
  runs.delete(session);
}

/**
 * cdktf ends a failed validation with advice to pass `skipValidation`, which would write a
 * configuration that cannot work: the library's rules say how to fix the input instead.
 */
function withoutSkipValidationAdvice(error: unknown): unknown {
  if (!(error instanceof Error) || !/skipValidation/.test(error.message)) return error;
  const message = error.message.split('\n').filter((line) => !/skipValidation/.test(line)).join('\n').trim();
  return new ValidationError(undefined, `${message}\nNothing was written: fix the input above and synthesize again.`);
}
