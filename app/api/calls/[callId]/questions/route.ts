import { getOptionalUser } from '@/lib/auth/session';
import { can } from '@/lib/authz';
import { listMyQuestions } from '@/lib/data/questions';
import { uuidPattern } from '@/lib/validations/zod';

/** The signed-in applicant's own questions about a call (the call page is cached, so it asks here). */
export async function GET(_request: Request, { params }: { params: Promise<{ callId: string }> }) {
  const { callId } = await params;
  const user = await getOptionalUser();
  const questions = user && can(user, 'question:ask') && uuidPattern.test(callId) ? await listMyQuestions(user, callId) : [];
  return Response.json(
    { questions: questions.map(({ id, question, status }) => ({ id, question, status })) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
