import { cn } from '@/lib/utils';
import { useId, type ReactNode, type TableHTMLAttributes, type TdHTMLAttributes, type ThHTMLAttributes } from 'react';

/**
 * A data table with its caption (read first by screen readers; visible when `showCaption`).
 * A wide table scrolls sideways inside a region that takes the keyboard focus, so it can
 * be scrolled without a mouse, and that the caption names.
 */
export function Table({
  caption,
  showCaption,
  className,
  children,
  ...props
}: TableHTMLAttributes<HTMLTableElement> & { caption: ReactNode; showCaption?: boolean }) {
  const captionId = useId();
  return (
    <div
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      // A group, not a region: a landmark per table would repeat the name of the section around it.
      role="group"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <table className={cn('w-full border-collapse text-sm', className)} {...props}>
        <caption id={captionId} className={showCaption ? 'px-3 py-2 text-start font-medium text-slate-800' : 'sr-only'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
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

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn('border-b border-slate-100 px-3 py-2 align-top', className)} {...props} />;
}
