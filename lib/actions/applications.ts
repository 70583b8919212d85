'use server';

import { redirectInLocale } from '@/lib/i18n/redirect';
import {
  reopenApplication,
  saveApplicationDraft,
  startApplication,
  submitApplication,
  withdrawApplication,
} from '@/lib/data/applications';
import { attachLibraryDocument } from '@/lib/data/files';
import type { ActionResult } from '@/lib/errors';
import {
  attachLibraryDocumentSchema,
  reopenApplicationSchema,
  saveApplicationDraftSchema,
  startApplicationSchema,
  submitApplicationSchema,
  withdrawApplicationSchema,
} from '@/lib/validations/application';
import { action } from './action';

const startApplicationTx = action(startApplicationSchema, 'application:edit', async ({ input, user, tx }) => startApplication(tx, user, input));

/** Starts the organisation's application to a call, or opens the one it already has. */
export async function startApplicationAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await startApplicationTx(raw);
  if (!result.ok) return result;
  // redirectInLocale() throws, so it stays outside the wrapper's try/catch.
  return redirectInLocale(result.data.status === 'draft' ? `/applications/${result.data.id}/edit` : `/applications/${result.data.id}`);
}

// Autosave runs every few seconds while someone types: a draft save is not a change of
// state, so it is not audited (submit, withdraw, reopen and files are).
export const saveApplicationDraftAction = action(saveApplicationDraftSchema, 'application:edit', async ({ input, user, tx }) => {
  const saved = await saveApplicationDraft(tx, user, input);
  return { version: saved.version, savedAt: saved.savedAt };
});

export const submitApplicationAction = action(submitApplicationSchema, 'application:edit', async ({ input, user, tx }) => submitApplication(tx, user, input));

export const withdrawApplicationAction = action(withdrawApplicationSchema, 'application:edit', async ({ input, user, tx }) => withdrawApplication(tx, user, input));

export const reopenApplicationAction = action(reopenApplicationSchema, 'application:edit', async ({ input, user, tx }) => reopenApplication(tx, user, input));

/** A member puts a copy of one of the organisation's documents into a slot of a draft. */
export const attachLibraryDocumentAction = action(attachLibraryDocumentSchema, 'application:edit', async ({ input, user, tx }) => attachLibraryDocument(tx, user, input));
