// Placeholder: replaced by the page itself.
export function HouseholdsPage() {
  return null;
}
