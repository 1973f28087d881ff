/**
 * The framework this test run uses: `FRAMEWORK=cdktn npx jest` runs the suite against CDK Terrain
 * (jest.config.js maps the imports), anything else against CDKTF.
 */
export const FRAMEWORK: 'cdktf' | 'cdktn' = process.env.FRAMEWORK === 'cdktn' ? 'cdktn' : 'cdktf';
