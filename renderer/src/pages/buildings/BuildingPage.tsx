// Placeholder: replaced by the page itself.
export function BuildingPage() {
  return null;
}
