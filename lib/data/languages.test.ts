import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db';
import { outbox, users } from '@/db/schema';
import { signUpAction } from '@/lib/actions/auth';
import { inviteMemberAction } from '@/lib/actions/organisations';
import { inviteUserAction } from '@/lib/actions/users';
import { actingAs } from '@/lib/auth/session';
import { loadUser, toSessionUser } from '@/lib/auth/session-user';
import { exportReviewsCsv } from '@/lib/data/ranking';
import { speaking } from '@/lib/i18n/locale';
import { translator } from '@/lib/i18n/translate';
import { createApplicantOrganisation } from '@/lib/test/application-factories';
import { createUser, uniqueEmail } from '@/lib/test/factories';
import { createReviewCall } from '@/lib/test/review-factories';
import { mailHtml } from '@/lib/mail/outbox';

async function lastMailTo(email: string) {
  const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.createdAt)).limit(1);
  return mail;
}

async function withLocale(userId: string, locale: string) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
  return toSessionUser((await loadUser(userId))!);
}

describe('languages of the people we write to', () => {
  it('[visitor] signing up in French keeps French on the account, and the confirmation mail is French', async () => {
    const email = uniqueEmail('francophone');
    const signUp = signUpAction as unknown as (raw: unknown) => Promise<unknown>;
    // Outside Next the sign-in after sign-up cannot set a cookie; the account is what we check.
    await speaking('fr', () => actingAs(null, () => signUp({ name: 'Awa Ndiaye', email, password: 'une phrase assez longue' }))).catch(() => undefined);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user.locale).toBe('fr');
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('Confirmez votre adresse électronique');
    expect(mailHtml(mail)).toContain('<html lang="fr" dir="ltr">');
  });

  it('[visitor] validation messages come back in the language of the request, zod issues included', async () => {
    const signUp = signUpAction as unknown as (raw: unknown) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>;
    const raw = { name: '', email: 'not-an-address', password: 'short' };
    const fr = await speaking('fr', () => actingAs(null, () => signUp(raw)));
    expect(fr.ok).toBe(false);
    expect(fr.error).toBe('Certains champs demandent votre attention.');
    expect(fr.fieldErrors).toEqual({
      name: ['Ce champ est obligatoire.'],
      email: ['Saisissez une adresse électronique, par exemple nom@example.org.'],
      password: ['Saisissez au moins 10 caractères.'],
    });
    const ar = await speaking('ar', () => actingAs(null, () => signUp(raw)));
    expect(ar.fieldErrors?.password).toEqual(['يجب ألا يقل عدد الأحرف عن 10.']);
    expect(ar.fieldErrors?.name).toEqual(['هذا الحقل إلزامي.']);
  });

  it('[admin] invites a reviewer in Arabic: the account keeps it, and the invitation is Arabic, right to left', async () => {
    const admin = await createUser(['admin']);
    const email = uniqueEmail('reviewer-ar');
    const result = await speaking('en', () => actingAs(admin, () => inviteUserAction({ email, roles: ['reviewer'], locale: 'ar' })));
    expect(result.ok).toBe(true);
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user.locale).toBe('ar');
    const mail = await lastMailTo(email);
    expect(mail.subject).toBe('دعوة للانضمام إلى EOI Portal');
    expect(mailHtml(mail)).toContain('<html lang="ar" dir="rtl">');
    expect(mail.textBody).toContain('بصفة مقيِّم.');
  });

  it('[admin] a refusal is explained in the admin’s language, not the invitee’s', async () => {
    const admin = await createUser(['admin']);
    const existing = await createUser(['applicant'], { passwordHash: 'x' });
    const result = await speaking('fr', () => actingAs(admin, () => inviteUserAction({ email: existing.email, roles: ['reviewer'], locale: 'ar' })));
    expect(result).toMatchObject({ ok: false, error: `${existing.email} a déjà un compte. Modifiez plutôt ses rôles sur la page des utilisateurs.` });
  });

  it('[owner] a colleague new to the portal is invited in the owner’s language; one with an account in their own', async () => {
    const { owner: english, organisation } = await createApplicantOrganisation();
    const owner = await withLocale(english.id, 'fr');
    const newcomer = uniqueEmail('newcomer');
    await actingAs(owner, () => inviteMemberAction({ organisationId: organisation.id, email: newcomer }));
    expect((await lastMailTo(newcomer)).subject).toBe(`Rejoignez ${organisation.legalName} sur EOI Portal`);
    const arabic = await withLocale((await createUser(['applicant'])).id, 'ar');
    await actingAs(owner, () => inviteMemberAction({ organisationId: organisation.id, email: arabic.email }));
    expect((await lastMailTo(arabic.email)).subject).toBe(`انضمّ إلى ${organisation.legalName} على EOI Portal`);
  });

  it('[admin] the reviews CSV has its headers in the requester’s language, its values as codes', async () => {
    const { call } = await createReviewCall({}, [
      { name: 'Impact', weight: 60 },
      { name: 'Équipe', weight: 40 },
    ]);
    const admin = await createUser(['admin']);
    const fr = await exportReviewsCsv(admin, call, translator('fr', 'export') as never);
    expect(fr.slice(1).split('\r\n')[0]).toContain('Référence,ID de la candidature,Organisation,Titre du projet');
    expect(fr).toContain('Impact\u00a0: note (0-5)');
    const ar = await exportReviewsCsv(admin, call, translator('ar', 'export') as never);
    expect(ar.slice(1).split('\r\n')[0]).toMatch(/^الرقم المرجعي,معرّف الطلب,المنظمة,عنوان المشروع/);
    expect(ar).toContain('الطلب: الدرجة المعايَرة');
  });
});
