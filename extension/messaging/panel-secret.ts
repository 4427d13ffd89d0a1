// How the content script hands its panel frame the secret that makes it the tab's panel
// (background/panel-frames.ts): a window message to that frame only, which the host page cannot read.

interface PanelSecret {
  type: 'alongside:panel-secret';
  secret: string;
}

export const panelSecret = (secret: string): PanelSecret => ({ type: 'alongside:panel-secret', secret });

/** The secret a message carries, if it is one (anyone may post to the panel's window: it is only a candidate). */
export function secretOf(data: unknown): string | null {
  const message = data as Partial<PanelSecret> | null;
  return typeof message === 'object' && message?.type === 'alongside:panel-secret' && typeof message.secret === 'string' ? message.secret : null;
}
