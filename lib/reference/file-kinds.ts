/** The kinds of file a document slot may accept. */
export const fileKinds = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;
export type FileKind = (typeof fileKinds)[number];
