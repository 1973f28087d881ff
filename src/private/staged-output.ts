import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { ValidationError } from '../core/validation-error';

/**
 * The file side of all-or-nothing output. cdktf synthesizes and writes one stack at a time, so a
 * failure in a later stack (a validation, an error annotation from any aspect, a file it cannot
 * write) would leave the earlier stacks' files behind: every stack writes into one staging folder
 * instead, moved into the output folder once the last stack has succeeded.
 */

/** Stacks in the order App.synth writes them, found without entering any stack. */
export function stacksOf(root: IConstruct): TerraformStack[] {
  const found: TerraformStack[] = [];
  const visit = (node: IConstruct) => {
    if (TerraformStack.isStack(node)) found.push(node);
    else node.node.children.forEach(visit);
  };
  visit(root);
  return found;
}

/** A new, empty staging folder inside the output folder (same file system, so moves are renames). */
export function createStaging(outdir: string): string {
  fs.mkdirSync(outdir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outdir, '.staging-'));
  fs.mkdirSync(path.join(staging, 'stacks'));
  return staging;
}

/**
 * Moves every staged file into the output folder, replacing what an earlier synth left there, file
 * by file: a stack's folder keeps what Terraform put in it (`.terraform`, plans). A move that fails
 * (a file where a folder must go, a folder that cannot be written) puts back every file moved so far
 * and rethrows: the output folder is then exactly as it was.
 */
export function commitStaging(staging: string, outdir: string): void {
  const backup = path.join(staging, '.replaced');
  const undo: Array<() => void> = [];
  const place = (relative: string) => {
    const from = path.join(staging, relative);
    const to = path.join(outdir, relative);
    if (fs.statSync(from).isDirectory()) {
      if (!fs.existsSync(to)) {
        // Nothing to keep there: the whole folder moves at once (a first synth moves one folder in all).
        fs.renameSync(from, to);
        undo.push(() => fs.renameSync(to, from));
        return;
      }
      for (const entry of fs.readdirSync(from).sort()) place(path.join(relative, entry));
      return;
    }
    if (fs.existsSync(to)) {
      const aside = path.join(backup, relative);
      fs.mkdirSync(path.dirname(aside), { recursive: true });
      fs.renameSync(to, aside);
      undo.push(() => fs.renameSync(aside, to));
    }
    fs.renameSync(from, to);
    undo.push(() => fs.rmSync(to, { force: true }));
  };
  try {
    // Stacks first, then the files for the whole app (the trust report) beside the stacks folder.
    const forApp = fs.readdirSync(staging).filter((entry) => entry !== 'stacks' && entry !== '.replaced').sort();
    for (const entry of ['stacks', ...forApp]) place(entry);
  } catch (error) {
    for (const step of undo.reverse()) step();
    throw error;
  } finally {
    discardStaging(staging);
  }
}

export function discardStaging(staging: string): void {
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * cdktf ends a failed validation with advice to pass `skipValidation`, which would write a
 * configuration that cannot work: the library's rules say how to fix the input instead.
 */
export function withoutSkipValidationAdvice(error: unknown): unknown {
  if (!(error instanceof Error) || !/skipValidation/.test(error.message)) return error;
  const message = error.message.split('\n').filter((line) => !/skipValidation/.test(line)).join('\n').trim();
  return new ValidationError(undefined, `${message}\nNothing was written: fix the input above and synthesize again.`);
}
