import 'server-only';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { db, type Executor } from '@/db';
import { applications, calls, clarificationQuestions, organisationMembers, users } from '@/db/schema';
import { appUrl } from '@/lib/app-url';
import { auditActor, writeAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/session-user';
import { assertCan } from '@/lib/authz';
import { callLanguages, callTitleIn, cleanTranslations, inLanguage, shownLanguage, type AnswerText, type Translations } from '@/lib/calls/languages';
import { publicPhase } from '@/lib/calls/phase';
import { isLocale } from '@/lib/i18n/config';
import { AppError, NotFoundError } from '@/lib/errors';
import { queueMail } from '@/lib/mail/outbox';

/** Questions are accepted while the call is open and before its clarification deadline (else its closing). */
export function questionDeadline(call: { clarificationDeadline: Date | null; closesAt: Date | null }): Date | null {
  return call.clarificationDeadline ?? call.closesAt;
}

export async function askQuestion(tx: Executor, actor: SessionUser, input: { callId: string; question: string }, now: Date = new Date()) {
  assertCan(actor, 'question:ask');
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId));
  if (!call || call.status === 'draft') throw new NotFoundError();
  const deadline = questionDeadline(call);
  if (publicPhase(call, now) !== 'open' || (deadline && now >= deadline)) {
    throw new AppError('questionsClosed', { deadline: deadline ?? now });
  }
  const [membership] = await tx
    .select({ organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, actor.id))
    .limit(1);
  const [question] = await tx
    .insert(clarificationQuestions)
    .values({ callId: call.id, askedBy: actor.id, organisationId: membership?.organisationId ?? null, question: input.question })
    .returning();
  await writeAudit(tx, auditActor(actor), { action: 'question.asked', entityType: 'clarification_question', entityId: question.id, after: { callId: input.callId } });
  return question;
}

/** The questions this user asked about a call, with their answers once published. */
export async function listMyQuestions(actor: SessionUser, callId: string) {
  return db
    .select({
      id: clarificationQuestions.id,
      question: clarificationQuestions.question,
      status: clarificationQuestions.status,
      askedAt: clarificationQuestions.askedAt,
    })
    .from(clarificationQuestions)
    .where(and(eq(clarificationQuestions.callId, callId), eq(clarificationQuestions.askedBy, actor.id)))
    .orderBy(desc(clarificationQuestions.askedAt));
}

/** Every question of a call, pending first, for the admins' queue. */
export async function listQuestionsForAdmin(actor: SessionUser, callId: string) {
  assertCan(actor, 'question:answer');
  return db
    .select({
      id: clarificationQuestions.id,
      question: clarificationQuestions.question,
      publicQuestion: clarificationQuestions.publicQuestion,
      answer: clarificationQuestions.answer,
      translations: clarificationQuestions.translations,
      status: clarificationQuestions.status,
      askedAt: clarificationQuestions.askedAt,
      answeredAt: clarificationQuestions.answeredAt,
      askedByEmail: users.email,
    })
    .from(clarificationQuestions)
    .leftJoin(users, eq(users.id, clarificationQuestions.askedBy))
    .where(eq(clarificationQuestions.callId, callId))
    .orderBy(asc(clarificationQuestions.status), asc(clarificationQuestions.askedAt));
}

/**
 * Publishes an answer (with the question reworded so it names nobody) in the call's FAQ
 * and tells everyone with an application in progress for the call, and the asker.
 */
export async function answerQuestion(
  tx: Executor,
  actor: SessionUser,
  input: { questionId: string; publicQuestion: string; answer: string; translations?: Translations<AnswerText> },
) {
  assertCan(actor, 'question:answer');
  const [question] = await tx.select().from(clarificationQuestions).where(eq(clarificationQuestions.id, input.questionId)).for('update');
  if (!question) throw new NotFoundError();
  const [call] = await tx.select().from(calls).where(eq(calls.id, question.callId));
  const republish = question.status === 'published';
  // Only the languages the call is published in; the others would never be shown.
  const translations = cleanTranslations(input.translations as Translations<AnswerText>, call.locale, callLanguages(call));
  const [updated] = await tx
    .update(clarificationQuestions)
    .set({ publicQuestion: input.publicQuestion, answer: input.answer, translations, status: 'published', answeredAt: new Date(), answeredBy: actor.id })
    .where(eq(clarificationQuestions.id, question.id))
    .returning();

  // Members of organisations with a draft or submitted application, and whoever asked.
  const recipients = await tx
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(
        inArray(
          users.id,
          tx
            .select({ id: organisationMembers.userId })
            .from(organisationMembers)
            .innerJoin(applications, eq(applications.organisationId, organisationMembers.organisationId))
            .where(and(eq(applications.callId, call.id), ne(applications.status, 'withdrawn'))),
        ),
      ),
    );
  if (question.askedBy && !recipients.some((r) => r.id === question.askedBy)) {
    const [asker] = await tx.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(eq(users.id, question.askedBy));
    if (asker) recipients.push(asker);
  }
  if (!republish) {
    for (const r of recipients) {
      // Each reader gets the question and answer in the language they read the call in.
      const shown = isLocale(r.locale) ? shownLanguage(call, r.locale).locale : call.locale;
      const text = inLanguage({ question: input.publicQuestion, answer: input.answer }, translations, shown as never, call.locale);
      await queueMail(tx, {
        to: r.email,
        toUserId: r.id,
        locale: r.locale,
        template: 'clarificationAnswer',
        data: { callTitle: callTitleIn(call, r.locale), question: text.question, answer: text.answer, link: appUrl(`/calls/${call.slug}#faq`) },
      });
    }
  }
  const notified = republish ? 0 : recipients.length;
  await writeAudit(tx, auditActor(actor), {
    action: 'question.answered',
    entityType: 'clarification_question',
    entityId: updated.id,
    before: { status: question.status },
    after: { status: 'published', notified },
  });
  return { question: updated, call, notified, before: { status: question.status } };
}

export async function dismissQuestion(tx: Executor, actor: SessionUser, input: { questionId: string }) {
  assertCan(actor, 'question:answer');
  const [question] = await tx
    .update(clarificationQuestions)
    .set({ status: 'dismissed', answeredAt: new Date(), answeredBy: actor.id })
    .where(and(eq(clarificationQuestions.id, input.questionId), eq(clarificationQuestions.status, 'pending')))
    .returning();
  if (!question) throw new NotFoundError();
  const [call] = await tx.select({ id: calls.id, slug: calls.slug }).from(calls).where(eq(calls.id, question.callId));
  await writeAudit(tx, auditActor(actor), { action: 'question.dismissed', entityType: 'clarification_question', entityId: question.id, before: { status: 'pending' }, after: { status: 'dismissed' } });
  return { question, call };
}
