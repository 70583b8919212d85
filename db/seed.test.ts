import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { applications, calls, clarificationQuestions, criteria, decisions, documentSlots, eligibilityRequirements, organisations, publications, users } from '@/db/schema';
import { callLanguages } from '@/lib/calls/languages';
import { getCallImpact } from '@/lib/data/impact';
import { seedDemo } from './seed';
import { peopleReached2022 } from './seed-impact';

const sixPartners = [
  'Citizens Initiative',
  'Fédération des Tunisiens pour une Citoyenneté des deux Rives',
  'Genesis Entrepreneurship Trust',
  'Pontes Ricerche e Interventi',
  'Society for the Advancement of Science and Technology in the Arab World',
  'Syrian American Medical Society',
];

describe('demo data', () => {
  it('loads once; a second run changes nothing', async () => {
    const first = await seedDemo();
    const counts = async () => ({
      users: (await db.select({ n: count() }).from(users))[0].n,
      calls: (await db.select({ n: count() }).from(calls))[0].n,
      applications: (await db.select({ n: count() }).from(applications))[0].n,
    });
    const afterFirst = await counts();
    expect(await seedDemo()).toBe(false);
    expect(await counts()).toEqual(afterFirst);
    expect(typeof first).toBe('boolean');
  });

  it('has the 2022 call with its six real partners selected, from the countries the seed names', async () => {
    await seedDemo();
    const [call] = await db.select().from(calls).where(eq(calls.slug, 'diaspora-covid-recovery-2022'));
    expect(call.status).toBe('published');
    const selected = await db
      .select({ name: organisations.legalName, country: organisations.countryOfRegistration })
      .from(decisions)
      .innerJoin(applications, eq(applications.id, decisions.applicationId))
      .innerJoin(organisations, eq(organisations.id, applications.organisationId))
      .where(and(eq(applications.callId, call.id), eq(decisions.outcome, 'selected')));
    expect(selected.map((s) => s.name).sort()).toEqual(sixPartners);
    expect([...new Set(selected.map((s) => s.country))].sort()).toEqual(['FR', 'IT', 'US', 'ZA', 'ZW']);
    const [publication] = await db.select().from(publications).where(eq(publications.callId, call.id));
    const snapshot = publication.snapshot as { partners: { organisation: { name: string } }[] };
    expect(snapshot.partners.map((p) => p.organisation.name).sort()).toEqual(sixPartners);
  });

  it('has an open call, a call in review and the three demo accounts', async () => {
    await seedDemo();
    const statuses = await db.select({ slug: calls.slug, status: calls.status, closesAt: calls.closesAt }).from(calls);
    const open = statuses.find((c) => c.slug === 'diaspora-climate-resilience-2027');
    expect(open?.status).toBe('open');
    expect(open!.closesAt!.getTime()).toBeGreaterThan(Date.now());
    expect(statuses.find((c) => c.slug === 'diaspora-health-workers-2026')?.status).toBe('in_review');
    const emails = (await db.select({ email: users.email }).from(users)).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['admin@example.org', 'reviewer@example.org', 'applicant@example.org']));
  });

  it('publishes the open call in English, French and Arabic, every name applicants act on included', async () => {
    await seedDemo();
    const [call] = await db.select().from(calls).where(eq(calls.slug, 'diaspora-climate-resilience-2027'));
    expect(callLanguages(call)).toEqual(['en', 'fr', 'ar']);
    expect(call.applicationLocales).toEqual(['en', 'fr', 'ar']);
    const names = await db.select({ t: criteria.translations }).from(criteria).where(eq(criteria.callId, call.id));
    const slots = await db.select({ t: documentSlots.translations }).from(documentSlots).where(eq(documentSlots.callId, call.id));
    const reqs = await db.select({ t: eligibilityRequirements.translations }).from(eligibilityRequirements).where(eq(eligibilityRequirements.callId, call.id));
    const faq = await db.select({ t: clarificationQuestions.translations }).from(clarificationQuestions).where(and(eq(clarificationQuestions.callId, call.id), eq(clarificationQuestions.status, 'published')));
    for (const locale of ['fr', 'ar'] as const) {
      expect(names.every((c) => c.t[locale]?.name && c.t[locale]?.guidance)).toBe(true);
      expect(slots.every((c) => c.t[locale]?.name)).toBe(true);
      expect(reqs.every((c) => c.t[locale]?.statement)).toBe(true);
      expect(faq.length).toBeGreaterThan(0);
      expect(faq.every((c) => c.t[locale]?.question && c.t[locale]?.answer)).toBe(true);
    }
  });

  it('ends the 2022 story: interim and final reports of the six partners, accepted, reached upwards of 1.5 million people', async () => {
    await seedDemo();
    const impact = (await getCallImpact('diaspora-covid-recovery-2022'))!;
    expect(impact.peopleReached).toBe(1_526_315);
    expect(impact.peopleReached).toBe(peopleReached2022);
    expect(impact.reports).toBe(12);
    expect(impact.byPartner.map((p) => p.organisation.name).sort()).toEqual(sixPartners);
    expect(impact.byPartner.every((p) => p.reports === 2 && p.illustrative)).toBe(true);
    expect(impact.byCountry.map((c) => c.country).sort()).toEqual(['LB', 'TN', 'ZW']);
    expect(impact.overTime.map((p) => p.label)).toEqual(['Interim report', 'Final report']);
    expect(impact.overTime.at(-1)!.cumulative).toBe(impact.peopleReached);
    expect(impact.illustrative).toBe(true);
  });
});
