// Where the background keeps, per tab, what the panel learns about its page's tips (storage.session:
// the panel reads and watches it; content scripts cannot read that area).

/** The tab's anchoring outcomes (TipAnchoring). */
export const anchoringKey = (tabId: number) => `anchoring:${tabId}`;
/** What the tab's panel should show (PanelTarget): a picked element, a clicked marker's tip. */
export const targetKey = (tabId: number) => `target:${tabId}`;
