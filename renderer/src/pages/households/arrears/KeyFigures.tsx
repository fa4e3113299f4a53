import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { LEGAL_STAGE_LABELS } from '../../../../../shared/arrears/values';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { formatDate, formatMoney } from '../../../../../shared/format';
import { formatDecimal, monthName } from './format';

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 600, fontSize: '1.05rem' }}>
        {value}
      </Typography>
      {note && (
        <Typography component="dd" variant="body2" color="text.secondary" sx={{ m: 0 }}>
          {note}
        </Typography>
      )}
    </Box>
  );
}

const PAYMENT_SOURCE: Record<NonNullable<ArrearsHousehold['lastPaymentSource']>, string> = {
  estratto: 'dall’estratto',
  stimata: 'data stimata: metà del mese dell’estratto',
  piano: 'rata del piano registrata a mano',
};

function stageNote(stage: NonNullable<ArrearsHousehold['legalStage']>): string {
  return stage.source === 'importazione'
    ? `dall’importazione del ${formatDate(stage.setAt)}`
    : `impostata${stage.setBy ? ` da ${stage.setBy}` : ''} il ${formatDate(stage.setAt)}`;
}

/** Saldo, in mensilità, mensilità non pagate, ultimo pagamento, fase legale (with "Cambia"). */
export function KeyFigures({ data, onChangeStage }: { data: ArrearsHousehold; onChangeStage: () => void }) {
  const stage = data.legalStage;
  return (
    <Box
      component="dl"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
        gap: 2,
      }}
    >
      <Figure
        label="Saldo"
        value={formatMoney(data.balanceCents)}
        note={data.latestPeriod ? `a ${monthName(data.latestPeriod)}` : 'nessun estratto importato'}
      />
      <Figure
        label="In mensilità di canone"
        value={data.balanceInMonths === null ? '—' : `${formatDecimal(data.balanceInMonths)} mensilità`}
        note={
          data.monthlyDueCents === null
            ? 'canone non noto'
            : `canone abituale ${formatMoney(data.monthlyDueCents)}`
        }
      />
      <Figure
        label="Mensilità non pagate"
        value={String(data.monthsUnpaid)}
        note={data.monthsUnpaid > 0 ? 'consecutive, fino all’ultimo estratto' : undefined}
      />
      <Figure
        label="Ultimo pagamento"
        value={data.lastPaymentDate ? formatDate(data.lastPaymentDate) : 'nessuno noto'}
        note={data.lastPaymentSource ? PAYMENT_SOURCE[data.lastPaymentSource] : undefined}
      />
      <Figure
        label="Fase legale"
        value={stage ? LEGAL_STAGE_LABELS[stage.stage] : LEGAL_STAGE_LABELS.nessuna}
        note={
          <>
            {stage ? stageNote(stage) : 'non indicata'}
            <Button
              size="small"
              onClick={onChangeStage}
              aria-label="Cambia la fase legale"
              sx={{ ml: 0.5, minWidth: 0, py: 0, verticalAlign: 'baseline' }}
            >
              Cambia
            </Button>
          </>
        }
      />
      {data.arrearsStartDate && (
        <Figure
          label="Morosità iniziata"
          value={formatDate(data.arrearsStartDate)}
          note="primo mese del debito in corso"
        />
      )}
    </Box>
  );
}
