'use server';

import { saveCall, transitionCall } from '@/lib/data/call-editor';
import { answerQuestion, askQuestion, dismissQuestion } from '@/lib/data/questions';
import {
  answerQuestionSchema,
  askQuestionSchema,
  callFormSchema,
  callTransitionSchema,
  dismissQuestionSchema,
} from '@/lib/validations/call';
import { cacheTags } from '@/lib/cache/tags';
import { action } from './action';

export const saveCallAction = action(callFormSchema, 'call:manage', async ({ input, user, tx, audit, invalidate }) => {
  const saved = await saveCall(tx, user, input);
  await audit({
    action: saved.created ? 'call.created' : 'call.updated',
    entityType: 'call',
    entityId: saved.call.id,
    before: saved.before,
    after: saved.after,
  });
  invalidate(cacheTags.callList, cacheTags.call(saved.call.slug));
  if (saved.previousSlug && saved.previousSlug !== saved.call.slug) invalidate(cacheTags.call(saved.previousSlug));
  return { id: saved.call.id, slug: saved.call.slug, updatedAt: saved.call.updatedAt.toISOString() };
});

export const transitionCallAction = action(callTransitionSchema, 'call:manage', async ({ input, user, tx, audit, invalidate }) => {
  const moved = await transitionCall(tx, user, input);
  await audit({ action: 'call.status_changed', entityType: 'call', entityId: moved.call.id, before: moved.before, after: moved.after });
  invalidate(cacheTags.callList, cacheTags.call(moved.call.slug));
  return { status: moved.call.status };
});

export const askQuestionAction = action(askQuestionSchema, 'question:ask', async ({ input, user, tx, audit }) => {
  const question = await askQuestion(tx, user, input);
  await audit({ action: 'question.asked', entityType: 'clarification_question', entityId: question.id, after: { callId: input.callId } });
  return { id: question.id };
});

export const answerQuestionAction = action(answerQuestionSchema, 'question:answer', async ({ input, user, tx, audit, invalidate }) => {
  const answered = await answerQuestion(tx, user, input);
  await audit({
    action: 'question.answered',
    entityType: 'clarification_question',
    entityId: answered.question.id,
    before: answered.before,
    after: { status: 'published', notified: answered.notified },
  });
  invalidate(cacheTags.call(answered.call.slug));
  return { notified: answered.notified };
});

export const dismissQuestionAction = action(dismissQuestionSchema, 'question:answer', async ({ input, user, tx, audit }) => {
  const dismissed = await dismissQuestion(tx, user, input);
  await audit({ action: 'question.dismissed', entityType: 'clarification_question', entityId: dismissed.question.id, before: { status: 'pending' }, after: { status: 'dismissed' } });
  return { ok: true };
});
