// lib/data modules are `server-only`: the benchmark loads them under React's server
// condition, as `npm run bench` does (node --conditions=react-server --import tsx).
if (!process.execArgv.some((a) => a.includes('react-server'))) {
  console.error('Run the benchmark with `npm run bench` (it needs node --conditions=react-server --import tsx).');
  process.exit(2);
}
export {};
