// Placeholder: replaced by the page itself.
export function UnitPage() {
  return null;
}
