import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { callInstants, lifeUntilNextInstant } from '@/lib/cache/clock';
import { cacheTags } from '@/lib/cache/tags';
import { publicPhase } from '@/lib/calls/phase';
import { getCallBySlug, listCallsForHome } from './calls';
import { questionDeadline } from './questions';
import { getCallImpact } from './impact';
import { getProgrammeReport } from './programme-report';
import { getPublishedResults, listPartners } from './results';

/**
 * What the public pages show, cached at run time (never at build time) and shared by every
 * visitor: no query and no render while nothing has changed. Each entry names the tags
 * that expire it (lib/cache/tags.ts); what depends on the clock lives until the next
 * instant at which it changes. Nothing here may depend on who is asking.
 */

/** The home page's lists, with the clock they were made at. */
export async function cachedCallLists() {
  'use cache';
  cacheTag(cacheTags.callList);
  const now = new Date();
  const lists = await listCallsForHome(now);
  cacheLife(lifeUntilNextInstant([...lists.openOrUpcoming, ...lists.closed].flatMap(callInstants), now));
  return { ...lists, at: now };
}

/** A call's public page: null for a draft or an unknown slug (not found). */
export async function cachedPublicCall(slug: string) {
  'use cache';
  cacheTag(cacheTags.call(slug));
  const now = new Date();
  const detail = await getCallBySlug(null, slug);
  if (!detail) {
    cacheLife('max');
    return null;
  }
  cacheLife(lifeUntilNextInstant(callInstants(detail.call), now));
  const deadline = questionDeadline(detail.call);
  const phase = publicPhase(detail.call, now);
  return { ...detail, phase, questionsOpen: phase === 'open' && (!deadline || now < deadline), at: now };
}

/** A call's published results: frozen once published, so they live until expired by tag. */
export async function cachedResults(slug: string) {
  'use cache';
  cacheTag(cacheTags.results(slug));
  cacheLife('max');
  return getPublishedResults(slug);
}

/** The partners register across calls. */
export async function cachedPartners() {
  'use cache';
  cacheTag(cacheTags.partners);
  cacheLife('max');
  return listPartners();
}

/**
 * A call's impact (page, impact.json, impact.csv): expired when a report is accepted
 * (impact tag) or the results are published (results tag).
 */
export async function cachedImpact(slug: string) {
  'use cache';
  cacheTag(cacheTags.impact(slug), cacheTags.results(slug));
  cacheLife('max');
  return getCallImpact(slug);
}

/** A call's programme report: its results, awards and impact, expired with any of them. */
export async function cachedProgrammeReport(slug: string) {
  'use cache';
  cacheTag(cacheTags.impact(slug), cacheTags.results(slug), cacheTags.call(slug), cacheTags.partners);
  cacheLife('max');
  return getProgrammeReport(slug);
}
