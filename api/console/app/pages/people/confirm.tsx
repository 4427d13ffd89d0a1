// A confirmation for what cannot be taken back lightly: what will happen, Cancel, and the action itself.
// The server's refusal shows inside the dialog; it closes only when the action went through.
import type { ComponentChildren } from 'preact';
import { Dialog } from '../../ui/dialog';
import { FormError, useSubmit } from '../../ui/form';

type Props = {
  title: string;
  open: boolean;
  action: string;
  /** Does it; may return where the keyboard goes next, when what had it is gone (else it goes back there). */
  onConfirm: () => Promise<HTMLElement | null | void>;
  onClose: () => void;
  children: ComponentChildren;
};

export function ConfirmDialog(props: Props) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onClose}>
      <Confirm {...props} />
    </Dialog>
  );
}

/** Mounted while the dialog is open, so each opening starts without the last one's failure. */
function Confirm({ action, onConfirm, onClose, children }: Props) {
  const submit = useSubmit(async (dialog: HTMLDialogElement) => {
    const next = await onConfirm();
    dialog.close(); // now, not after the next render: the page is inert until it closes, so focus could not move
    next?.focus();
    onClose();
  });
  return (
    <div class="stack">
      {children}
      <FormError failure={submit.failure} />
      <div class="actions">
        <button type="button" class="secondary" onClick={onClose}>Cancel</button>
        <button type="button" class="secondary danger" disabled={submit.busy} onClick={(e) => void submit.run(e.currentTarget.closest('dialog')!)}>
          {submit.busy ? 'Working…' : action}
        </button>
      </div>
    </div>
  );
}
