import { synthesizeAllExamples } from './example-synth';

test('every example synthesizes byte-identical Terraform JSON and trust reports twice', () => {
  const first = synthesizeAllExamples();
  const second = synthesizeAllExamples();
  expect(Object.keys(first.files).length).toBeGreaterThanOrEqual(10);
  expect(second.files).toEqual(first.files);
  expect(second.reports).toEqual(first.reports);
});
