import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '@/db';
import { applicationFiles, calls, documentSlots, eligibilityRequirements, type Application, type Call } from '@/db/schema';
import type { RequirementText, SlotText, Translations } from '@/lib/calls/languages';
import { NotFoundError } from '@/lib/errors';
import type { ApplicationDraftValues, ApplicationRules } from '@/lib/validations/application';
import { callCodes } from '../call-parts';

// What the application data functions share and check nothing themselves: only modules of
// lib/data import this file (eslint.config.mjs forbids it to app/ and components/).

/** The next submission reference, EOI-<year>-<nnnn>, from the database sequence (unique, never reused). */
export async function nextReference(executor: Executor, year: number): Promise<string> {
  const [{ n }] = rowsOf<{ n: string | number }>(await executor.execute(sql`select nextval('application_reference_seq') as n`));
  return `EOI-${year}-${String(n).padStart(4, '0')}`;
}

export type CallForApplication = Pick<
  Call,
  'id' | 'slug' | 'title' | 'status' | 'opensAt' | 'closesAt' | 'timeZone' | 'currency' | 'minBudget' | 'maxBudget' | 'locale' | 'translations' | 'applicationLocales'
  | 'requiresSelfDeclaration'
>;

export type ApplicationCallRules = Omit<ApplicationRules, 'requirements' | 'slots'> & {
  call: CallForApplication;
  requirements: { id: string; statement: string; required: boolean; translations: Translations<RequirementText> }[];
  slots: { id: string; name: string; description: string; required: boolean; acceptedTypes: string[]; maxSizeBytes: number; translations: Translations<SlotText> }[];
};

/** A call with everything an application to it must satisfy. */
export async function callRules(executor: Executor, callId: string): Promise<ApplicationCallRules> {
  const [call] = await executor
    .select({
      id: calls.id,
      slug: calls.slug,
      title: calls.title,
      status: calls.status,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      timeZone: calls.timeZone,
      currency: calls.currency,
      minBudget: calls.minBudget,
      maxBudget: calls.maxBudget,
      locale: calls.locale,
      translations: calls.translations,
      applicationLocales: calls.applicationLocales,
      requiresSelfDeclaration: calls.requiresSelfDeclaration,
    })
    .from(calls)
    .where(eq(calls.id, callId));
  if (!call) throw new NotFoundError();
  const [{ countries, themes }, requirements, slots] = await Promise.all([
    callCodes(executor, callId),
    executor
      .select({
        id: eligibilityRequirements.id,
        statement: eligibilityRequirements.statement,
        required: eligibilityRequirements.required,
        translations: eligibilityRequirements.translations,
      })
      .from(eligibilityRequirements)
      .where(eq(eligibilityRequirements.callId, callId))
      .orderBy(asc(eligibilityRequirements.position)),
    executor
      .select({
        id: documentSlots.id,
        name: documentSlots.name,
        description: documentSlots.description,
        required: documentSlots.required,
        acceptedTypes: documentSlots.acceptedTypes,
        maxSizeBytes: documentSlots.maxSizeBytes,
        translations: documentSlots.translations,
      })
      .from(documentSlots)
      .where(eq(documentSlots.callId, callId))
      .orderBy(asc(documentSlots.position)),
  ]);
  return {
    call,
    countries,
    themes,
    minBudget: call.minBudget,
    maxBudget: call.maxBudget,
    currency: call.currency,
    requirements,
    slots,
  };
}

const INT_MAX = 2_147_483_647;

/** The form's values as stored: a few columns (they are queried) and the rest in `content`. */
export function draftValuesOf(app: Pick<Application, 'title' | 'countries' | 'themes' | 'requestedAmount' | 'peopleToReach' | 'content'>): ApplicationDraftValues {
  const content = app.content as ApplicationDraftValues;
  return {
    ...content,
    title: app.title,
    countries: app.countries,
    themes: app.themes,
    requestedAmount: app.requestedAmount ?? content.requestedAmount ?? null,
    peopleToReach: app.peopleToReach ?? content.peopleToReach ?? null,
  };
}

/** The reverse of draftValuesOf. A number its column cannot hold (a half-typed 1.5) stays in `content`. */
export function storedValuesOf(draft: ApplicationDraftValues) {
  const { title, countries, themes, requestedAmount, peopleToReach, ...rest } = draft;
  const fits = (n: number | null | undefined, max: number) => (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= max ? n : null);
  const amountColumn = fits(requestedAmount, Number.MAX_SAFE_INTEGER);
  const peopleColumn = fits(peopleToReach, INT_MAX);
  const content: Record<string, unknown> = { ...rest };
  if (amountColumn === null && requestedAmount != null) content.requestedAmount = requestedAmount;
  if (peopleColumn === null && peopleToReach != null) content.peopleToReach = peopleToReach;
  return {
    title: title ?? '',
    countries: [...new Set(countries ?? [])],
    themes: [...new Set(themes ?? [])],
    requestedAmount: amountColumn,
    peopleToReach: peopleColumn,
    content,
  };
}

/** What is shown of an application's file: everything but its bytes. */
export const fileInfoColumns = {
  id: applicationFiles.id,
  slotId: applicationFiles.slotId,
  fileName: applicationFiles.fileName,
  contentType: applicationFiles.contentType,
  size: applicationFiles.size,
  sha256: applicationFiles.sha256,
  uploadedAt: applicationFiles.uploadedAt,
};

/** The files of an application, without their bytes. */
export async function listApplicationFileInfo(executor: Executor, applicationId: string) {
  return executor
    .select(fileInfoColumns)
    .from(applicationFiles)
    .where(eq(applicationFiles.applicationId, applicationId))
    .orderBy(asc(applicationFiles.uploadedAt));
}
export type ApplicationFileInfo = Awaited<ReturnType<typeof listApplicationFileInfo>>[number];
