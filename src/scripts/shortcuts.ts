/** Focuses the search input when the reader presses `/` outside a text field. */
export function focusOnSlash(target: () => HTMLInputElement | null): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement | null)?.isContentEditable) return;
    const input = target();
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
