/**
 * The browser's side of the file routes (lib/files/http.ts): a file goes as the raw body of a
 * PUT with its name in X-File-Name; every answer is JSON, `ok` with its data or the server's
 * message in the page's language. A request that cannot be made at all (offline) throws.
 */
export type FileAnswer<T> = ({ ok: true } & T) | { ok: false; error?: string };

async function answerOf<T>(response: Response): Promise<FileAnswer<T>> {
  const body = (await response.json().catch(() => null)) as FileAnswer<T> | null;
  if (response.ok && body?.ok) return body;
  return { ok: false, error: body && !body.ok ? body.error : undefined };
}

export async function putFile<T>(url: string, file: File): Promise<FileAnswer<T>> {
  const response = await fetch(url, {
    method: 'PUT',
    body: file,
    headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) },
  });
  return answerOf<T>(response);
}

export async function deleteFile(url: string): Promise<FileAnswer<object>> {
  return answerOf<object>(await fetch(url, { method: 'DELETE' }));
}
