import * as fs from 'fs';
import * as path from 'path';
import { FRAMEWORK } from '../framework';
import { synthesizeAllExamples } from './example-synth';

const GOLDEN = path.join(__dirname, '..', 'golden', 'synthesized.json');

/**
 * A stack's cdk.tf.json without what belongs to the framework run, not to the app: the `//` blocks
 * (framework version, construct paths, stack traces) and this checkout's folder in local state paths.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'string') return value.split(process.cwd()).join('<project>');
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '//').map(([key, v]) => [key, comparable(v)]));
}

// The same file under both frameworks: `.ci/run` runs this test with cdktf 0.21 and the prebuilt
// providers, and with cdktn 0.24 and the library's own bindings (FRAMEWORK=cdktn).
test(`every example's cdk.tf.json is the frozen one (${FRAMEWORK})`, () => {
  const { files } = synthesizeAllExamples();
  const actual = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([stack, text]) => [stack, comparable(JSON.parse(text))]));
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
  const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
  // One stack at a time, so that a difference names its stack.
  for (const stack of Object.keys({ ...golden, ...actual })) expect({ stack, json: actual[stack] }).toEqual({ stack, json: golden[stack] });
});
