// One synthesis in a fresh process, as one `cdktf synth` runs: node bench/single-run.js SHAPE A|B N
// Loads the compiled library; prints the total time (after a small warm-up run) and the process's
// peak resident set size.
require('./library');
const { synthShape } = require('./shapes');

const [shape, variant, n] = [process.argv[2], process.argv[3], Number(process.argv[4])];
synthShape(shape, variant, shape === 'stacks' ? 5 : 20);
const { total } = synthShape(shape, variant, n);
// maxRSS is in kilobytes.
process.stdout.write(JSON.stringify({ shape, variant, n, totalMs: total, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
