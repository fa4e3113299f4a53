// Types for build/check-fuses.mjs (imported by tests/unit/packaging-workflows.test.ts).
export function fuseOptionName(configKey: string): string;
export function compareFuses(configured: Record<string, boolean>, wire: Record<number, number>): string[];
export function configuredFuses(root: string): Record<string, boolean>;
