import { cn } from '@/lib/utils';
import { ScrollRegion } from './scroll-region';
import { useId, type ReactNode, type TableHTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from 'react';

/**
 * A data table with its caption (read first by screen readers; visible when `showCaption`).
 * A wide table scrolls sideways inside a region that takes the keyboard focus, so it can
 * be scrolled without a mouse, and that the caption names; when it is wider than the
 * screen, a hint says so (ScrollRegion). `stacked` tables instead turn each row into a
 * card of labelled lines below the `sm` breakpoint (give each Td its column's `label`).
 */
export function Table({
  caption,
  showCaption,
  stacked,
  className,
  children,
  ...props
}: TableHTMLAttributes<HTMLTableElement> & { caption: ReactNode; showCaption?: boolean; stacked?: boolean }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={cn('w-full border-collapse text-sm', stacked && 'table-stacked', className)} {...props}>
        <caption id={captionId} className={showCaption ? 'px-3 py-2 text-start font-medium text-slate-800' : 'sr-only'}>
          {caption}
        </caption>
        {children}
      </table>
    </ScrollRegion>
  );
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn('border-b border-slate-200 bg-slate-50 px-3 py-2 text-start font-medium text-slate-700', className)}
      {...props}
    />
  );
}

/** A cell; `label` is its column's name, written before it when a `stacked` table is stacked. */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td className={cn('border-b border-slate-100 px-3 py-2 align-top', className)} data-label={label} {...props} />;
}
