/**
 * The scale test's data: one open call and N applicant accounts, each the owner of an
 * organisation with a complete draft (every step filled in, the required document
 * uploaded). One draft is made through the data layer (saveApplicationDraft,
 * storeApplicationFile), then copied in bulk with SQL: fast, and exactly what the form
 * stores.
 */
import { eq, sql } from 'drizzle-orm';
import { closeDatabase, db, prepareDatabase, rowsOf } from '@/db';
import { applications, documentSlots, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { getCallForEditor } from '@/lib/data/call-editor';
import { createApplicantOrganisation, createDraft, createOpenCall, prepareComplete } from '@/lib/test/application-factories';
import { createUser } from '@/lib/test/factories';

export const PASSWORD = 'scale-test password 2026';

export type Applicant = { email: string; applicationId: string; version: number; slotId: string; fileSha256: string };

export async function seed(databaseUrl: string, count: number, prefix: string): Promise<{ callId: string; applicants: Applicant[] }> {
  process.env.DATABASE_URL = databaseUrl;
  await closeDatabase();
  await prepareDatabase();
  const passwordHash = await hashPassword(PASSWORD);

  const call = await createOpenCall();
  const template = await createApplicantOrganisation('Scale template');
  const draft = await createDraft(call.call.id, template.organisation.id, template.owner.id);
  await prepareComplete(template.owner, call, draft.id);
  const [tpl] = await db.select().from(applications).where(eq(applications.id, draft.id));

  await db.execute(sql`
    with n as (select g from generate_series(1, ${count}) g),
    u as (
      insert into users (email, name, password_hash, email_verified, locale)
      select ${prefix} || '-' || g || '@scale.example', 'Scale applicant ' || g, ${passwordHash}, now(), 'en' from n
      returning id, email
    ),
    r as (insert into user_roles (user_id, role) select id, 'applicant' from u),
    o as (
      insert into organisations (legal_name, country_of_registration, created_by)
      select 'Scale organisation ' || u.email, 'FR', u.id from u
      returning id, created_by
    ),
    m as (insert into organisation_members (organisation_id, user_id, role) select o.id, o.created_by, 'owner' from o),
    a as (
      insert into applications (call_id, organisation_id, status, version, title, countries, themes, requested_amount, people_to_reach, content, created_by)
      select t.call_id, o.id, 'draft', t.version, t.title, t.countries, t.themes, t.requested_amount, t.people_to_reach, t.content, o.created_by
      from o cross join applications t where t.id = ${tpl.id}
      returning id, created_by
    )
    insert into application_files (application_id, slot_id, file_name, content_type, size, sha256, content, uploaded_by)
    select a.id, f.slot_id, f.file_name, f.content_type, f.size, f.sha256, f.content, a.created_by
    from a cross join application_files f where f.application_id = ${tpl.id}`);

  const rows = rowsOf<{ email: string; application_id: string; version: number; slot_id: string; sha256: string }>(
    await db.execute(sql`
      select u.email, a.id as application_id, a.version, f.slot_id, f.sha256
      from users u
      join applications a on a.created_by = u.id
      join application_files f on f.application_id = a.id
      where u.email like ${`${prefix}-%`}
      order by u.created_at, u.email`),
  );
  await db.update(users).set({ passwordHash }).where(eq(users.id, template.owner.id));
  await closeDatabase();
  delete process.env.DATABASE_URL;
  return {
    callId: call.call.id,
    applicants: rows.map((r) => ({ email: r.email, applicationId: r.application_id, version: Number(r.version), slotId: r.slot_id, fileSha256: r.sha256 })),
  };
}

/** An open call and an admin who may edit it (the cache check). */
export async function seedAdminAndCall(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  await closeDatabase();
  await prepareDatabase();
  const passwordHash = await hashPassword(PASSWORD);
  const { call } = await createOpenCall();
  // The editor's own limits (slots of at least 0.1 MB): the factory's tiny slots are for upload tests.
  await db.update(documentSlots).set({ maxSizeBytes: 5 * 1024 * 1024 }).where(eq(documentSlots.callId, call.id));
  const admin = await createUser(['admin'], { passwordHash, name: 'Scale admin' });
  await closeDatabase();
  delete process.env.DATABASE_URL;
  return { callId: call.id, slug: call.slug, title: call.title, adminEmail: admin.email };
}

/** What the call editor's form holds for the call, as the browser would send it back. */
export async function callEditorInput(databaseUrl: string, adminEmail: string, callId: string) {
  process.env.DATABASE_URL = databaseUrl;
  await closeDatabase();
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, adminEmail));
  const { loadUser, toSessionUser } = await import('@/lib/auth/session-user');
  const admin = toSessionUser((await loadUser(row.id))!);
  const form = await getCallForEditor(admin, callId);
  await closeDatabase();
  delete process.env.DATABASE_URL;
  if (!form) throw new Error('the call is not there');
  const { status: _status, ...input } = form;
  return input;
}
