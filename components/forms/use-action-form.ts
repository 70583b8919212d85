'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { createElement, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { $ZodType, input, output } from 'zod/v4/core';
import type { ActionResult } from '@/lib/errors';
import { translateIssue } from '@/lib/validations/translate-issue';
import { maxLengthOf } from '@/lib/validations/issues';
import { keepTypedBeforeHydration } from './keep-typed';
import { TextLimit } from './text-limit';

/**
 * react-hook-form wired to a server action: the same zod schema checks the form in the
 * browser and the input on the server; server field errors land on their fields.
 */
export function useActionForm<S extends $ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: (input: output<S>) => Promise<ActionResult<T> | undefined>,
  options: { defaultValues?: DefaultValues<input<S>>; onSuccess?: (data: T) => void } = {},
) {
  const form = useForm<input<S>, unknown, output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: options.defaultValues,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const tv = useTranslations('validation');

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values);
    if (!result) return; // the action redirected
    if (!result.ok) {
      setFormError(result.error);
      // The first field in error takes the focus, so its message is read at once.
      let focused = false;
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (!messages[0]) continue;
        form.setError(field as Path<input<S>>, { type: 'server', message: messages[0] }, { shouldFocus: !focused });
        focused = true;
      }
      return;
    }
    options.onSuccess?.(result.data);
  });

  /** The translated error of a field, for <Field error>. */
  const errorOf = (name: string): string | undefined => {
    const error = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], form.formState.errors) as
      | { message?: string }
      | undefined;
    return error?.message ? translateIssue(tv, error.message) : undefined;
  };

  /** A text field's limit and live count, from the schema, for <Field counter>. */
  const counter = (name: string, fieldId: string = name) =>
    createElement(TextLimit<input<S>>, { control: form.control, name: name as Path<input<S>>, fieldId, max: maxLengthOf(schema, name) });

  const register = keepTypedBeforeHydration(form);
  return { form: { ...form, register }, onSubmit, formError, errorOf, counter, pending: form.formState.isSubmitting };
}
