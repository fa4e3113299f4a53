import Chip, { type ChipProps } from '@mui/material/Chip';
import { PLAN_STATUS_LABELS, type PlanStatus } from '../../../../../shared/arrears/plan';
import { RISK_BAND_LABELS, type RiskBand } from '../../../../../shared/risk/score';

/**
 * Band colours: light fills with dark text for the lower bands, a solid red for Critico, so
 * the four read apart in grey print too; the word is always there.
 */
export const BAND_STYLE: Record<RiskBand, { bg: string; fg: string; border: string }> = {
  basso: { bg: '#e7f2e8', fg: '#1e4d22', border: '#5b8f5f' },
  medio: { bg: '#fff3cd', fg: '#5c4200', border: '#c49a00' },
  alto: { bg: '#ffe0c2', fg: '#7a3300', border: '#d06a10' },
  critico: { bg: '#b3261e', fg: '#ffffff', border: '#b3261e' },
};

/** The risk band as a chip: "Alto", or "Alto · 60" with the score. */
export function BandChip({
  band,
  score,
  size = 'small',
}: {
  band: RiskBand;
  score?: number;
  size?: ChipProps['size'];
}) {
  const style = BAND_STYLE[band];
  const label = RISK_BAND_LABELS[band];
  return (
    <Chip
      size={size}
      label={score === undefined ? label : `${label} · ${score}`}
      aria-label={
        score === undefined ? `Fascia di rischio ${label}` : `Fascia di rischio ${label}, ${score} punti`
      }
      sx={{
        bgcolor: style.bg,
        color: style.fg,
        border: 1,
        borderColor: style.border,
        fontWeight: 700,
      }}
    />
  );
}

const PLAN_COLORS: Record<PlanStatus, ChipProps['color']> = {
  in_regola: 'success',
  in_ritardo: 'warning',
  non_rispettato: 'error',
  concluso: 'default',
};

/** A repayment plan's status: the word, the colour only as a help. */
export function PlanStatusChip({ status, size = 'small' }: { status: PlanStatus; size?: ChipProps['size'] }) {
  return (
    <Chip
      size={size}
      color={PLAN_COLORS[status]}
      variant={status === 'non_rispettato' ? 'filled' : 'outlined'}
      label={PLAN_STATUS_LABELS[status]}
      sx={{ fontWeight: 600 }}
    />
  );
}
