import { useEffect, useRef } from 'react';
import type { FieldValues, Path, UseFormRegister, UseFormReturn } from 'react-hook-form';

/**
 * `register` that keeps what was typed before the page became interactive.
 *
 * The server renders the inputs, so a person can type before React hydrates. When a field
 * registers, react-hook-form writes its default value into the element, wiping that text
 * (on a slow phone the common case). This reads the element first and, when it holds
 * something other than the default, gives that value back to the form once registered.
 * Each element is looked at once, on its first registration.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form, whatever its context and output types
export function keepTypedBeforeHydration<T extends FieldValues>(form: UseFormReturn<T, any, any>): UseFormRegister<T> {
  return (name, options) => {
    const registered = form.register(name, options);
    return {
      ...registered,
      ref: (element: unknown) => {
        const raw = firstLookAt(element);
        registered.ref(element as never);
        if (raw === undefined) return;
        const typed = options?.setValueAs && typeof raw === 'string' ? options.setValueAs(raw) : raw;
        const initial = form.formState.defaultValues ? valueAt(form.formState.defaultValues, name) : undefined;
        if (!sameAsDefault(typed, initial)) form.setValue(name as Path<T>, typed as never, { shouldDirty: true });
      },
    };
  };
}

/**
 * The same for a controlled element (a Controller's select, checkbox or textarea): React
 * keeps what the person chose in the element while hydrating, but the form's state does
 * not have it and the next render would put the old value back. A ref callback that, the
 * first time it sees the element, hands what was typed or chosen back to the form:
 * `<select ref={typedBeforeHydration((v) => field.onChange(v))} …>`.
 */
export function typedBeforeHydration(onTyped: (raw: string | boolean) => void): (element: Element | null) => void {
  return (element) => {
    const raw = firstLookAt(element);
    if (raw !== undefined) onTyped(raw);
  };
}

/** The elements already looked at: an element is read on its first registration only. */
const seen = new WeakSet<Element>();

function firstLookAt(element: unknown): string | boolean | undefined {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement)) return undefined;
  if (seen.has(element)) return undefined;
  seen.add(element);
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox') return element.checked !== element.defaultChecked ? element.checked : undefined;
    if (element.type === 'radio' || element.type === 'file') return undefined;
    return element.value !== element.defaultValue ? element.value : undefined;
  }
  if (element instanceof HTMLTextAreaElement) return element.value !== element.defaultValue ? element.value : undefined;
  if (element.multiple) return undefined;
  // With no option marked selected in the HTML (a select react-hook-form fills in itself),
  // the browser shows the first one: only a different choice was made by the person.
  const initial = Math.max(0, [...element.options].findIndex((o) => o.defaultSelected));
  return element.selectedIndex !== initial ? element.value : undefined;
}

function valueAt(values: unknown, name: string): unknown {
  return name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null | undefined)?.[key], values);
}

function sameAsDefault(typed: unknown, initial: unknown): boolean {
  if (typeof typed === 'boolean') return typed === !!initial;
  if (typeof typed !== 'string') return typed === initial;
  return typed === (initial === null || initial === undefined ? '' : String(initial));
}

/**
 * What `keepTypedBeforeHydration` gave back reached the form while its elements were being
 * attached, before the form's watchers (useWatch, `watch(callback)`: counters, step marks,
 * autosave) subscribed. Once mounted, this says it again for each field that differs from
 * its default, so they see it as any change. Leaves only (a row's field, not its list),
 * so no list re-creates its rows under the person's fingers. Call it after the hooks that
 * subscribe with `watch(callback)`, so that their effects run first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form, whatever its context and output types
export function useTypedBeforeHydrationNoticed<T extends FieldValues>(form: UseFormReturn<T, any, any>) {
  const mounted = useRef(form);
  useEffect(() => {
    const { getValues, setValue, formState } = mounted.current;
    const defaults = formState.defaultValues ?? {};
    for (const [name, value] of leaves(getValues(), '')) {
      if (JSON.stringify(value) !== JSON.stringify(valueAt(defaults, name))) setValue(name as Path<T>, value as never);
    }
  }, []);
}

/** Each field's path and value; a list of plain values (chosen codes) is one field. */
function leaves(value: unknown, path: string): [string, unknown][] {
  const plain = (v: unknown) => v === null || typeof v !== 'object';
  if (value === null || typeof value !== 'object' || (Array.isArray(value) && value.every(plain))) return path ? [[path, value]] : [];
  return Object.entries(value).flatMap(([key, v]) => leaves(v, path ? `${path}.${key}` : key));
}
