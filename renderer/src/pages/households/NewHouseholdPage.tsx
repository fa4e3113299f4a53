// Placeholder: replaced by the page itself.
export function NewHouseholdPage() {
  return null;
}
