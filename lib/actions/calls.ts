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
import { action } from './action';

export const saveCallAction = action(callFormSchema, 'call:manage', async ({ input, user, tx, audit, revalidate }) => {
  const saved = await saveCall(tx, user, input);
  await audit({
    action: saved.created ? 'call.created' : 'call.updated',
    entityType: 'call',
    entityId: saved.call.id,
    before: saved.before,
    after: saved.after,
  });
  revalidate('/', `/calls/${saved.call.slug}`, '/admin/calls', `/admin/calls/${saved.call.id}`);
  return { id: saved.call.id, slug: saved.call.slug, updatedAt: saved.call.updatedAt.toISOString() };
});

export const transitionCallAction = action(callTransitionSchema, 'call:manage', async ({ input, user, tx, audit, revalidate }) => {
  const moved = await transitionCall(tx, user, input);
  await audit({ action: 'call.status_changed', entityType: 'call', entityId: moved.call.id, before: moved.before, after: moved.after });
  revalidate('/', `/calls/${moved.call.slug}`, '/admin', '/admin/calls', `/admin/calls/${moved.call.id}`);
  return { status: moved.call.status };
});

export const askQuestionAction = action(askQuestionSchema, 'question:ask', async ({ input, user, tx, audit }) => {
  const question = await askQuestion(tx, user, input);
  await audit({ action: 'question.asked', entityType: 'clarification_question', entityId: question.id, after: { callId: input.callId } });
  return { id: question.id };
});

export const answerQuestionAction = action(answerQuestionSchema, 'question:answer', async ({ input, user, tx, audit, revalidate }) => {
  const answered = await answerQuestion(tx, user, input);
  await audit({
    action: 'question.answered',
    entityType: 'clarification_question',
    entityId: answered.question.id,
    before: answered.before,
    after: { status: 'published', notified: answered.notified },
  });
  revalidate(`/calls/${answered.call.slug}`, `/admin/calls/${answered.call.id}/questions`);
  return { notified: answered.notified };
});

export const dismissQuestionAction = action(dismissQuestionSchema, 'question:answer', async ({ input, user, tx, audit, revalidate }) => {
  const dismissed = await dismissQuestion(tx, user, input);
  await audit({ action: 'question.dismissed', entityType: 'clarification_question', entityId: dismissed.question.id, before: { status: 'pending' }, after: { status: 'dismissed' } });
  revalidate(`/admin/calls/${dismissed.call.id}/questions`);
  return { ok: true };
});
