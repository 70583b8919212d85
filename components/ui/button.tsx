import { cn } from '@/lib/utils';
import type { ComponentProps } from 'react';

const variants = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60',
  secondary: 'bg-white text-slate-900 border border-slate-300 hover:bg-slate-100 disabled:opacity-60',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-700/60',
  ghost: 'text-slate-700 hover:bg-slate-100',
  link: 'text-brand-600 underline-offset-4 hover:underline p-0 h-auto',
} as const;

const sizes = { sm: 'h-8 px-3 text-sm', md: 'h-10 px-4 text-sm', lg: 'h-11 px-6 text-base' } as const;

export type ButtonVariant = keyof typeof variants;

export function buttonClass(variant: ButtonVariant = 'primary', size: keyof typeof sizes = 'md', className?: string) {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:cursor-not-allowed',
    sizes[size],
    variants[variant],
    className,
  );
}

type Props = ComponentProps<'button'> & {
  variant?: ButtonVariant;
  size?: keyof typeof sizes;
  /** Shows a spinner and disables the button while a request is on its way. */
  pending?: boolean;
};

export function Button({ variant, size, pending, disabled, className, children, ...props }: Props) {
  return (
    <button
      className={buttonClass(variant, size, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending && (
        <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-e-transparent" />
      )}
      {children}
    </button>
  );
}
