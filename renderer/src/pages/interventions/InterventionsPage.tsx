// Placeholder: replaced by the page itself.
export function InterventionsPage() {
  return null;
}
