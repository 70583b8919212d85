import { cachedImpact } from '@/lib/data/public';
import { impactJson } from '@/lib/data/impact';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const impact = await cachedImpact(slug);
  if (!impact) return Response.json({ error: 'not found' }, { status: 404 });
  return Response.json(impactJson(impact), {
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' },
  });
}
