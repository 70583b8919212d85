/**
 * Runs once when the server starts (not during `next build`): opens the database,
 * applies migrations, loads the demo data where it belongs and starts background work.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/start');
  await startServer();
}
