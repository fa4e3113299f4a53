import type { RENDERER_ERROR_SOURCES } from '../../../shared/contract';
import { call } from '../api';

type Source = (typeof RENDERER_ERROR_SOURCES)[number];

const NAME = /^[A-Za-z_$][\w$.]*$/;

/**
 * What of an uncaught error may leave the window: its class name and its
 * stack frames (code locations). Never the message, which can quote what a
 * person typed; the first line of a stack repeats the message, so only the
 * `at …` lines are kept.
 */
export function describeRendererError(error: unknown): { name: string; frames: string[] } {
  if (!(error instanceof Error)) return { name: 'NonError', frames: [] };
  const name = NAME.test(error.name) ? error.name.slice(0, 80) : 'Error';
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 12)
    .map((line) => line.slice(0, 300));
  return { name, frames };
}

/** Sends the technical detail to the log; never throws, never waits. */
export function reportRendererError(source: Source, error: unknown): void {
  const { name, frames } = describeRendererError(error);
  void call('app.reportError', { source, name, frames }).catch(() => undefined);
}
