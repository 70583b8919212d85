import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import { cn } from '@/lib/utils';

/**
 * The filters above a list: a GET form (so a filtered list has its own address and works
 * without JavaScript) with labelled fields and one submit button.
 */
export function FilterForm({ label, submit, children, hidden = {} }: { label?: string; submit: string; children: ReactNode; hidden?: Record<string, string> }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label={label}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}

/** A select whose first option, "all", means no filter. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  allLabel,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  allLabel: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function FilterText({
  id,
  name,
  label,
  value,
  wide = false,
  type = 'search',
  placeholder,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  wide?: boolean;
  type?: 'search' | 'text';
  placeholder?: string;
}) {
  return (
    <div className={cn(wide && 'min-w-64 flex-1')}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <Input id={id} name={name} type={type} defaultValue={value ?? ''} placeholder={placeholder} />
    </div>
  );
}
