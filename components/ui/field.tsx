import { cn } from '@/lib/utils';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Marks a form gives its fields by id, shown after their labels (e.g. "optional", "expected
 * by calls"), so a form can say what each field is for without repeating it on every Field.
 */
export const FieldMarks = createContext<Record<string, ReactNode>>({});

/** The id of a field's limit and count (<Field counter>), for its `aria-describedby`. */
export const counterId = (fieldId: string) => `${fieldId}-count`;

/**
 * A labelled form control with its hint and error. The control gets `id`,
 * `aria-describedby`, `aria-invalid` and `aria-required` from the render prop, so
 * screen readers announce a required field and read the error with it.
 */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  counter,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** A text field's limit and live count (<TextLimit>), read with the field. */
  counter?: ReactNode;
  className?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-required'?: boolean }) => ReactNode;
}) {
  const mark = useContext(FieldMarks)[id];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const countId = counter ? counterId(id) : undefined;
  const describedBy = [hintId, countId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required && (
          <span aria-hidden className="ms-0.5 text-red-700">
            *
          </span>
        )}
        {mark && <span className="ms-2 text-xs font-normal text-slate-600">{mark}</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required || undefined })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {counter}
      <p id={errorId} className="text-sm text-red-700" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
