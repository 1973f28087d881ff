import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { TrustReport } from '../../src';
import { examples } from '../../examples';

export interface SynthesizedExample {
  readonly outdir: string;
  /** Stack name to the text of its cdk.tf.json. */
  readonly files: { [stack: string]: string };
  /** Stack name to the text of its trust-report.md. */
  readonly reports: { [stack: string]: string };
}

/** Synthesizes every example into one fresh output directory, as `npm run synth` does. */
export function synthesizeAllExamples(): SynthesizedExample {
  const app = Testing.app();
  for (const example of examples) example.build(app);
  TrustReport.of(app);
  app.synth();
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
  const files: { [stack: string]: string } = {};
  const reports: { [stack: string]: string } = {};
  for (const stack of Object.values(manifest.stacks) as any[]) {
    files[stack.name] = fs.readFileSync(path.join(app.outdir, stack.synthesizedStackPath), 'utf8');
    reports[stack.name] = fs.readFileSync(path.join(app.outdir, stack.workingDirectory, TrustReport.FILE_NAME), 'utf8');
  }
  return { outdir: app.outdir, files, reports };
}
