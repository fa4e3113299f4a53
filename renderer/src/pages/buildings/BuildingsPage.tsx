// Placeholder: replaced by the page itself.
export function BuildingsPage() {
  return null;
}
