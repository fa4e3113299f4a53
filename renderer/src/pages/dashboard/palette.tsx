import type { RiskBand } from '../../../../shared/risk/score';

/**
 * Band colours: a sequential orange–red scale (ColorBrewer OrRd), safe for the common forms of
 * colour blindness and with lightness falling steadily from basso to critico, so the bands stay
 * apart in grey print. Alto and critico also carry a pattern, and every chart names its bands.
 */
export const BAND_FILL: Record<RiskBand, string> = {
  basso: '#fef0d9',
  medio: '#fdcc8a',
  alto: '#e34a33',
  critico: '#7f0000',
};
export const BAND_STROKE: Record<RiskBand, string> = {
  basso: '#b08d57',
  medio: '#b07a20',
  alto: '#8c1d0f',
  critico: '#3d0000',
};
/** Text on the band's colour. */
export const BAND_TEXT: Record<RiskBand, string> = {
  basso: '#4a3200',
  medio: '#4a2c00',
  alto: '#ffffff',
  critico: '#ffffff',
};

/** SVG patterns for a chart's <defs>: the fill of each band, hatched for alto, cross-hatched for critico. */
export function BandPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}-basso`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill={BAND_FILL.basso} />
      </pattern>
      <pattern id={`${prefix}-medio`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={BAND_FILL.medio} />
        <circle cx="3" cy="3" r="0.9" fill={BAND_STROKE.medio} />
      </pattern>
      <pattern
        id={`${prefix}-alto`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill={BAND_FILL.alto} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="1.5" />
      </pattern>
      <pattern
        id={`${prefix}-critico`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill={BAND_FILL.critico} />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="1" />
        <line x1="0" y1="0" x2="6" y2="0" stroke="#ffffff" strokeWidth="1" />
      </pattern>
    </defs>
  );
}

export const bandFill = (prefix: string, band: RiskBand) => `url(#${prefix}-${band})`;

/** A small legend swatch with the same pattern as the chart. */
export function BandSwatch({ band }: { band: RiskBand }) {
  const id = `swatch-${band}`;
  return (
    <svg width="14" height="14" aria-hidden style={{ verticalAlign: 'middle', flexShrink: 0 }}>
      <BandPatterns prefix={id} />
      <rect x="0.5" y="0.5" width="13" height="13" fill={bandFill(id, band)} stroke={BAND_STROKE[band]} />
    </svg>
  );
}
