// Runs TypeScript sources directly with SWC (keeps decorator metadata, which Nest's DI needs,
// and resolves the tsconfig path aliases). Used by `npm start`, the app scripts and benchmarks.
process.env.SWC_NODE_PROJECT =
  process.env.SWC_NODE_PROJECT || require('path').join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
