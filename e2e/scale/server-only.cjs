// The scale test seeds its data with the project's own data functions, which are marked
// `server-only` (a package that throws outside React Server Components). Outside Next, as
// in the unit tests (lib/test/vitest.config.mts), it resolves to an empty module. Node's
// "react-server" condition would do it too, but it also swaps React and next-intl for
// their server builds, which cannot load here.
const Module = require('node:module');
const path = require('node:path');

const empty = path.join(__dirname, '..', '..', 'node_modules', 'server-only', 'empty.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveServerOnly(request, ...rest) {
  if (request === 'server-only') return empty;
  return resolve.call(this, request, ...rest);
};
