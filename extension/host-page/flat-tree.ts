// Containment across shadow roots: an element inside a web component's shadow root is inside the
// elements around that component, as the browser sees it for inertness (a modal dialog's flat tree).

/** Whether `node` is `ancestor` or inside it, through shadow roots. */
export function shadowIncludingContains(ancestor: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) if (at === ancestor) return true;
  return false;
}
