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

export const saveCallAction = action(callFormSchema, 'call:manage', async ({ input, user, tx, invalidate }) => {
  const saved = await saveCall(tx, user, input);
  invalidate(cacheTags.callList, cacheTags.call(saved.call.slug));
  if (saved.previousSlug && saved.previousSlug !== saved.call.slug) invalidate(cacheTags.call(saved.previousSlug));
  return { id: saved.call.id, slug: saved.call.slug, updatedAt: saved.call.updatedAt.toISOString() };
});

export const transitionCallAction = action(callTransitionSchema, 'call:manage', async ({ input, user, tx, invalidate }) => {
  const moved = await transitionCall(tx, user, input);
  invalidate(cacheTags.callList, cacheTags.call(moved.call.slug));
  return { status: moved.call.status };
});

export const askQuestionAction = action(askQuestionSchema, 'question:ask', async ({ input, user, tx }) => {
  const question = await askQuestion(tx, user, input);
  return { id: question.id };
});

export const answerQuestionAction = action(answerQuestionSchema, 'question:answer', async ({ input, user, tx, invalidate }) => {
  const answered = await answerQuestion(tx, user, input);
  invalidate(cacheTags.call(answered.call.slug));
  return { notified: answered.notified };
});

export const dismissQuestionAction = action(dismissQuestionSchema, 'question:answer', async ({ input, user, tx }) => {
  await dismissQuestion(tx, user, input);
  return { ok: true };
});
