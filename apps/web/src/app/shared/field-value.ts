/** The text of the input, textarea or select an `(input)`/`(change)` event came from. */
export function fieldValue(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}
