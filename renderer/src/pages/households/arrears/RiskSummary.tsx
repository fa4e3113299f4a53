import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import type { RiskScoreView } from '../../../../../shared/contract';
import { formatDateTime } from '../../../../../shared/format';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { BandChip } from './chips';
import { monthName } from './format';

/** The sentence without its trailing points (`… : +30`), which the list shows in its own column. */
function sentence(label: string, points: number): string {
  const suffix = `: +${points}`;
  return label.endsWith(suffix) ? label.slice(0, -suffix.length) : label;
}

/** The band, the score and "Perché": each signal that scored, with its points. */
export function RiskSummary({ risk, coordinator }: { risk: RiskScoreView | null; coordinator: boolean }) {
  const whyId = useId();
  if (!risk) {
    return <Typography color="text.secondary">Punteggio di rischio non ancora calcolato.</Typography>;
  }
  return (
    <Box>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <BandChip band={risk.band} size="medium" />
        <Typography sx={{ fontSize: '1.25rem', fontWeight: 600 }}>
          {risk.score === 1 ? '1 punto' : `${risk.score} punti`}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {`${monthName(risk.month)} · calcolato il ${formatDateTime(risk.computedAt)}`}
        </Typography>
      </Stack>
      <Typography component="h4" variant="body2" id={whyId} sx={{ fontWeight: 600, mt: 2, mb: 0.5 }}>
        Perché
      </Typography>
      {risk.contributions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nessun segnale di rischio: il nucleo non ha debiti né rate del piano scadute.
        </Typography>
      ) : (
        <Box component="ul" aria-labelledby={whyId} sx={{ m: 0, p: 0, maxWidth: 560 }}>
          {risk.contributions.map((c) => (
            <Box
              component="li"
              key={c.signal}
              sx={{
                listStyle: 'none',
                display: 'flex',
                justifyContent: 'space-between',
                gap: 2,
                py: 0.5,
                borderBottom: 1,
                borderColor: 'divider',
              }}
            >
              <Typography variant="body2">
                {sentence(c.label, c.points)}
                <Box component="span" sx={visuallyHidden}>
                  :
                </Box>
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
                {`+${c.points}`}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Il punteggio è la somma dei punti dei segnali; la fascia dipende dal totale. Se una riga è sbagliata,
        correggere i dati (un pagamento, un contatto), non il punteggio.
        {coordinator && (
          <>
            {' '}
            <Link component={RouterLink} to="/morosita/punteggio">
              Pesi e soglie
            </Link>
          </>
        )}
      </Typography>
    </Box>
  );
}
