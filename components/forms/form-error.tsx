import { Alert } from '@/components/ui/alert';

/** The form-level error, announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  return <div aria-live="assertive">{message ? <Alert tone="error">{message}</Alert> : null}</div>;
}
