'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useWatch, type Control, type FieldValues, type Path } from 'react-hook-form';
import { counterId } from '@/components/ui/field';
import { cn } from '@/lib/utils';

/** From this share of the limit on, the count is shown (and read out politely). */
const NEAR = 0.8;
/** Limits from this length on (paragraphs) are said from the start. */
const ALWAYS_SAID = 500;


/**
 * A text field's limit, said before anyone reaches it ("Up to 1,500 characters"), then a
 * live count from 80 % ("1,430 of 1,500 characters") and, beyond it, how much to cut.
 * Nothing is ever cut for the person: the schema refuses an over-long value with a field
 * error and the field keeps the whole text. The limit comes from the zod schema
 * (`maxLengthOf`), so the browser and the server agree.
 */
export function CharacterCount({ fieldId, length, max }: { fieldId: string; length: number; max: number }) {
  const t = useTranslations('validation');
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const over = length - max;
  let text: string;
  if (over > 0) text = t('limitOver', { count: over, length: n(length), max: n(max) });
  else if (length >= Math.floor(max * NEAR)) text = t('limitCount', { length: n(length), max: n(max) });
  else if (max >= ALWAYS_SAID) text = t('limitUpTo', { max: n(max) });
  else text = ''; // a short field (a name, a phone number): said only as it nears its limit
  return (
    <p
      id={counterId(fieldId)}
      aria-live="polite"
      data-testid={`count-${fieldId}`}
      className={cn('text-xs tabular-nums', over > 0 ? 'font-medium text-red-700' : 'text-slate-600')}
    >
      {text}
    </p>
  );
}

/** <CharacterCount> for a react-hook-form field: watches the value itself. */
export function TextLimit<T extends FieldValues>({
  control,
  name,
  fieldId,
  max,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  control: Control<T, any, any>;
  name: Path<T>;
  fieldId: string;
  max: number | null;
}) {
  const value = useWatch({ control, name }) as unknown;
  if (!max) return null;
  return <CharacterCount fieldId={fieldId} length={typeof value === 'string' ? value.length : 0} max={max} />;
}
