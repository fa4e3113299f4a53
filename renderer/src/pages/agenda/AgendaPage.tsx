// Placeholder: replaced by the page itself.
export function AgendaPage() {
  return null;
}
