// Placeholder: replaced by the page itself.
export function ListsPage() {
  return null;
}
