import { cachedResults } from '@/lib/data/public';
import { resultsJson } from '@/lib/data/results';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const results = await cachedResults(slug);
  if (!results) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(resultsJson(results), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' },
  });
}
