// Makes `require('cdktf-azure-identity')` load the compiled library (lib/), as a user's app does.
const Module = require('module');
const path = require('path');

const entry = path.resolve(__dirname, '..', 'lib', 'index.js');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'cdktf-azure-identity' ? entry : request, ...rest);
};
