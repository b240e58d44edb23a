/** A modal <dialog> with a heading and a close button; Escape and the button close it. */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import './dialog.css';

export interface ModalDialogProps {
  title: string;
  closeLabel: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}

export function ModalDialog({ title, closeLabel, testId, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <form method="dialog">
        <button type="submit" className="text-button">
          {closeLabel}
        </button>
      </form>
    </dialog>
  );
}
