import { Testing } from 'cdktf';
import * as fc from 'fast-check';

Testing.setupJest();

// Property tests try the same cases on every machine, so a red CI run is reproducible and a green one
// does not depend on luck. `FC_SEED=<n> npm test` explores other cases; a failure prints its seed.
fc.configureGlobal({ seed: process.env.FC_SEED === undefined ? 20261201 : Number(process.env.FC_SEED) });
