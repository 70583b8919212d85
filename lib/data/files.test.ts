import zlib from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET, PUT, DELETE } from '@/app/api/applications/[id]/files/[slotId]/route';
import { db } from '@/db';
import { applicationFiles, auditLog } from '@/db/schema';
import { actingAs } from '@/lib/auth/session';
import { attachmentDisposition, detectFileKind, sanitiseFileName } from '@/lib/files/detect';
import { readBodyLimited } from '@/lib/files/stream';
import { createApplicantOrganisation, createDraft, createOpenCall, pdfBytes } from '@/lib/test/application-factories';
import { createUser } from '@/lib/test/factories';

/** A minimal zip (deflated entries, CRCs not checked by the detector) holding the given files. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = zlib.deflateRawSync(Buffer.from(text));
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(text.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(text.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x" ContentType="${main}"/></Types>`;
const docx = () =>
  zip({
    '[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    'word/document.xml': '<w:document/>',
  });
const xlsx = () =>
  zip({
    '[Content_Types].xml': contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
    'xl/workbook.xml': '<workbook/>',
  });
/** A whole 1×1 PNG (signature, IHDR, IDAT, IEND): the detector reads the chunks, not only the signature. */
const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** What a renamed Windows program starts with. */
const exe = () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);

describe('file types by their bytes', () => {
  it('recognises PDF, PNG, JPEG, DOCX and XLSX, and nothing else', async () => {
    expect(await detectFileKind(pdfBytes())).toBe('pdf');
    expect(await detectFileKind(onePixelPng)).toBe('png');
    expect(await detectFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(await detectFileKind(docx())).toBe('docx');
    expect(await detectFileKind(xlsx())).toBe('xlsx');
    expect(await detectFileKind(exe())).toBeNull();
    expect(await detectFileKind(Buffer.from('just text, named report.pdf'))).toBeNull();
    // A zip that is not an Office document (no content types, or the wrong main part).
    expect(await detectFileKind(zip({ 'readme.txt': 'hello' }))).toBeNull();
    expect(await detectFileKind(zip({ '[Content_Types].xml': contentTypes('application/xml'), 'word/document.xml': '<x/>' }))).toBeNull();
    expect(await detectFileKind(Buffer.from('PK\u0003\u0004 broken'))).toBeNull();
  });

  it('names files safely and sends them as attachments with the exact name', () => {
    expect(sanitiseFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitiseFileName('C:\\Users\\me\\Budget "final".xlsx', 'xlsx')).toBe('Budget final.xlsx');
    expect(sanitiseFileName('proposal.exe', 'pdf')).toBe('proposal.pdf');
    expect(sanitiseFileName('', 'png')).toBe('document.png');
    expect(sanitiseFileName('Projet résumé\u0000\n.pdf', 'pdf')).toBe('Projet résumé.pdf');
    // Bidirectional controls could show "cod.exe" as "exe.doc": removed from names.
    expect(sanitiseFileName('report\u202Efdp.exe', 'pdf')).toBe('reportfdp.pdf');
    expect(sanitiseFileName('\u2067تقرير\u2069 \u200Ffinal.pdf', 'pdf')).toBe('تقرير final.pdf');
    expect(attachmentDisposition('Projet résumé.pdf')).toBe(`attachment; filename="Projet r_sum_.pdf"; filename*=UTF-8''Projet%20r%C3%A9sum%C3%A9.pdf`);
  });

  it('stops reading a body as soon as it passes the limit', async () => {
    let pulls = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls > 100) controller.close();
        else controller.enqueue(new Uint8Array(1000));
      },
    });
    const result = await readBodyLimited(stream, 2500);
    expect(result).toEqual({ ok: false, reason: 'tooLarge', readBytes: 3000 });
    expect(pulls).toBeLessThan(6);
  });
});

describe('the upload route', () => {
  async function setup() {
    const c = await createOpenCall();
    const { owner, organisation } = await createApplicantOrganisation();
    const app = await createDraft(c.call.id, organisation.id);
    const params = (slot = c.slots[0].id) => ({ params: Promise.resolve({ id: app.id, slotId: slot }) });
    const url = (slot = c.slots[0].id) => `http://localhost/api/applications/${app.id}/files/${slot}`;
    return { c, owner, app, params, url };
  }
  const put = (url: string, body: Buffer | ReadableStream<Uint8Array>, name: string) =>
    new Request(url, {
      method: 'PUT',
      body: Buffer.isBuffer(body) ? new Uint8Array(body) : body,
      headers: { 'X-File-Name': encodeURIComponent(name) },
      duplex: 'half',
    } as RequestInit);

  it('[applicant] uploads a PDF: stored with size and SHA-256, audited, downloadable as an attachment', async () => {
    const { owner, app, params, url } = await setup();
    const bytes = pdfBytes(900);
    const response = await actingAs(owner, () => PUT(put(url(), bytes, 'Proposition finale.pdf'), params()));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.file).toMatchObject({ fileName: 'Proposition finale.pdf', size: 900, contentType: 'application/pdf' });
    expect(body.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'application.file_uploaded'), eq(auditLog.entityId, app.id)));
    expect(audit.after).toMatchObject({ fileName: 'Proposition finale.pdf', size: 900 });

    const download = await actingAs(owner, () => GET(new Request(url()), params()));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Proposition finale.pdf"; filename*=UTF-8''Proposition%20finale.pdf`);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('[applicant] a renamed .exe is refused (415) and nothing is stored', async () => {
    const { owner, app, params, url } = await setup();
    const response = await actingAs(owner, () => PUT(put(url(), exe(), 'proposal.pdf'), params()));
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatch(/not of an accepted type \(PDF, DOCX\)/);
    expect(await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id))).toHaveLength(0);
  });

  it('[applicant] a DOCX is accepted where the slot takes it, refused where it does not', async () => {
    const { c, owner, params, url } = await setup();
    expect((await actingAs(owner, () => PUT(put(url(), docx(), 'plan.docx'), params()))).status).toBe(201);
    const certificate = c.slots[1].id;
    expect((await actingAs(owner, () => PUT(put(url(certificate), docx(), 'cert.docx'), params(certificate)))).status).toBe(415);
  });

  it('[applicant] an oversized file is refused (413) while streaming, without a length header', async () => {
    const { owner, app, params, url } = await setup();
    let pulls = 0;
    // 2 KiB slot; the body would be 100 KiB if read to the end.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls === 1) controller.enqueue(new Uint8Array(pdfBytes(1000)));
        else if (pulls > 100) controller.close();
        else controller.enqueue(new Uint8Array(1000));
      },
    });
    const response = await actingAs(owner, () => PUT(put(url(), stream, 'big.pdf'), params()));
    expect(response.status).toBe(413);
    expect(pulls).toBeLessThan(10);
    expect(await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id))).toHaveLength(0);
  });

  it('[applicant] a whole body over the slot limit is refused (413)', async () => {
    const { owner, params, url } = await setup();
    const request = new Request(url(), { method: 'PUT', body: new Uint8Array(pdfBytes(5000)) });
    const response = await actingAs(owner, () => PUT(request, params()));
    expect(response.status).toBe(413);
  });

  it('[applicant] replaces and removes a file while in draft', async () => {
    const { owner, app, params, url } = await setup();
    await actingAs(owner, () => PUT(put(url(), pdfBytes(300), 'one.pdf'), params()));
    await actingAs(owner, () => PUT(put(url(), pdfBytes(400), 'two.pdf'), params()));
    const rows = await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id));
    expect(rows.map((r) => [r.fileName, r.size])).toEqual([['two.pdf', 400]]);
    const removed = await actingAs(owner, () => DELETE(new Request(url(), { method: 'DELETE' }), params()));
    expect(removed.status).toBe(200);
    expect(await db.select().from(applicationFiles).where(eq(applicationFiles.applicationId, app.id))).toHaveLength(0);
  });

  it('[visitor, other applicant, reviewer] get 401 or 404; [admin] may download but not upload', async () => {
    const { owner, params, url } = await setup();
    await actingAs(owner, () => PUT(put(url(), pdfBytes(), 'p.pdf'), params()));
    expect((await actingAs(null, () => GET(new Request(url()), params()))).status).toBe(401);
    expect((await actingAs(null, () => PUT(put(url(), pdfBytes(), 'x.pdf'), params()))).status).toBe(401);
    const outsider = (await createApplicantOrganisation('Outsider')).owner;
    expect((await actingAs(outsider, () => GET(new Request(url()), params()))).status).toBe(404);
    expect((await actingAs(outsider, () => PUT(put(url(), pdfBytes(), 'x.pdf'), params()))).status).toBe(404);
    expect((await actingAs(outsider, () => DELETE(new Request(url(), { method: 'DELETE' }), params()))).status).toBe(404);
    const reviewer = await createUser(['reviewer']);
    expect((await actingAs(reviewer, () => GET(new Request(url()), params()))).status).toBe(404);
    const admin = await createUser(['admin']);
    expect((await actingAs(admin, () => GET(new Request(url()), params()))).status).toBe(200);
    expect((await actingAs(admin, () => PUT(put(url(), pdfBytes(), 'x.pdf'), params()))).status).toBe(403);
  });

  it('[applicant] an upload from another site is refused', async () => {
    const { owner, params, url } = await setup();
    const request = new Request(url(), { method: 'PUT', body: new Uint8Array(pdfBytes()), headers: { Origin: 'https://evil.example', Host: 'localhost' } });
    expect((await actingAs(owner, () => PUT(request, params()))).status).toBe(403);
  });
});
