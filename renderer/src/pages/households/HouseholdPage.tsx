// Placeholder: replaced by the page itself.
export function HouseholdPage() {
  return null;
}
