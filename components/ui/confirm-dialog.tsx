'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

type Request = {
  message: string;
  /** The confirming button's words; "Confirm" when not given. */
  confirmLabel?: string;
  /** Destructive: red, and the focus starts on "Cancel" so that Enter does no harm. */
  destructive?: boolean;
  resolve: (ok: boolean) => void;
};

/**
 * The one way to ask "are you sure?": `const [confirm, dialog] = useConfirm()`, render
 * `{dialog}`, then `if (!(await confirm(message))) return`. A modal alert dialog in the
 * page's language: the rest of the page is inert, Tab stays inside, Escape cancels, and
 * the focus goes back to the control that opened it.
 */
export function useConfirm(): [(message: string, options?: Omit<Request, 'message' | 'resolve'>) => Promise<boolean>, ReactNode] {
  const [request, setRequest] = useState<Request | null>(null);
  const confirm = useCallback(
    (message: string, options: Omit<Request, 'message' | 'resolve'> = {}) =>
      new Promise<boolean>((resolve) => setRequest({ message, ...options, resolve })),
    [],
  );
  const dialog = request ? (
    <ConfirmDialog
      key={request.message}
      {...request}
      onClose={(ok) => {
        setRequest(null);
        request.resolve(ok);
      }}
    />
  ) : null;
  return [confirm, dialog];
}

function ConfirmDialog({ message, confirmLabel, destructive, onClose }: Omit<Request, 'resolve'> & { onClose: (ok: boolean) => void }) {
  const t = useTranslations('common');
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (destructive ? cancelRef : confirmRef).current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Back where the person was, unless the page moved on without it.
      if (opener?.isConnected) opener.focus();
    };
  }, [destructive]);

  const trapTab = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab') return;
    const buttons = [cancelRef.current, confirmRef.current].filter((b): b is HTMLButtonElement => !!b);
    const [first, last] = [buttons[0], buttons[buttons.length - 1]];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        // Escape: the browser would close it by itself; close it our way instead.
        event.preventDefault();
        onClose(false);
      }}
      onKeyDown={trapTab}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-300 bg-white p-0 text-start text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {t('confirmTitle')}
        </h2>
        <p id={messageId} className="text-sm leading-relaxed">
          {message}
        </p>
        <div className="flex flex-wrap justify-end gap-2">
          <Button ref={cancelRef} type="button" variant="secondary" onClick={() => onClose(false)}>
            {t('cancel')}
          </Button>
          <Button ref={confirmRef} type="button" variant={destructive ? 'danger' : 'primary'} onClick={() => onClose(true)}>
            {confirmLabel ?? t('confirm')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
