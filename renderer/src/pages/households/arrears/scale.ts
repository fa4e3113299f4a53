/** A linear axis with round ticks, for the small charts of the arrears panel. */
export interface Axis {
  min: number;
  max: number;
  ticks: number[];
  /** Value → y in the plot (top = `top`, bottom = `top + height`). */
  y: (value: number) => number;
}

function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/** Round ticks covering [low, high] (always including 0) in about `count` steps. */
export function niceAxis(low: number, high: number, top: number, height: number, count = 4): Axis {
  const from = Math.min(0, low);
  const to = Math.max(from + 1, high);
  const step = niceStep((to - from) / count);
  const min = Math.floor(from / step) * step;
  const max = Math.ceil(to / step) * step;
  const ticks: number[] = [];
  for (let value = min; value <= max + step / 2; value += step) ticks.push(value);
  return { min, max, ticks, y: (value) => top + height - ((value - min) / (max - min)) * height };
}

/** Every how many points an x label fits (about `room` labels along the axis). */
export function labelEvery(points: number, room: number): number {
  return Math.max(1, Math.ceil(points / room));
}
