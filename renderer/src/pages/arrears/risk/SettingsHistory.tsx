import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CallOutput } from '../../../../../shared/contract';
import { formatDateTime, formatMoney } from '../../../../../shared/format';
import { FIELD_BY_PATH } from './settingsForm';

type Entry = CallOutput<'risk.settings'>['history'][number];
type Change = Entry['changes'][number];

function valueText(value: number | null, money: boolean): string {
  if (value === null) return '—';
  return money ? formatMoney(value) : String(value);
}

function changeText(change: Change): string {
  const known = FIELD_BY_PATH.get(change.path);
  const money = known?.field.money === true;
  const name = known
    ? `${known.group}, ${known.field.label.replace(/ \(€\)$/, '').toLowerCase()}`
    : change.path;
  return `${name}: ${valueText(change.before, money)} → ${valueText(change.after, money)}`;
}

/** "Ultime modifiche": who changed which value, from what to what. */
export function SettingsHistory({ history }: { history: Entry[] }) {
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        Nessuna modifica: sono in uso i valori predefiniti.
      </Typography>
    );
  }
  return (
    <Box component="ol" aria-label="Ultime modifiche" sx={{ m: 0, p: 0 }}>
      {history.map((entry) => (
        <Box
          component="li"
          key={entry.id}
          sx={{ listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' }}
        >
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {`${formatDateTime(entry.changedAt)} · ${entry.operatorName ?? 'operatore non più presente'}`}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {entry.changes.map((change) => (
              <Typography component="li" variant="body2" key={change.path}>
                {changeText(change)}
              </Typography>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
