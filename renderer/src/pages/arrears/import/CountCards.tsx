import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import ErrorIcon from '@mui/icons-material/ErrorOutline';
import EqualIcon from '@mui/icons-material/DragHandle';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import ListIcon from '@mui/icons-material/FormatListNumbered';
import SkipIcon from '@mui/icons-material/NotInterested';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { ImportPreview } from '../../../../../shared/contract';
import { formatCount } from './format';

interface Card {
  label: string;
  value: number;
  hint: string;
  icon: ReactNode;
  /** Drawn in colour only when there is something to see; the icon and label carry the meaning. */
  tone: 'success.main' | 'warning.main' | 'error.main' | 'text.secondary';
}

function cards(counts: ImportPreview['counts']): Card[] {
  return [
    {
      label: 'Righe lette',
      value: counts.read,
      hint: 'Righe di dati del file',
      icon: <ListIcon />,
      tone: 'text.secondary',
    },
    {
      label: 'Abbinate',
      value: counts.matched,
      hint: 'A un alloggio o a un nucleo',
      icon: <CheckIcon />,
      tone: counts.matched > 0 ? 'success.main' : 'text.secondary',
    },
    {
      label: 'Non abbinate',
      value: counts.unmatched,
      hint: 'Da collegare o saltare',
      icon: <LinkOffIcon />,
      tone: counts.unmatched > 0 ? 'warning.main' : 'text.secondary',
    },
    {
      label: 'Con errori',
      value: counts.errors,
      hint: 'Da correggere nel file',
      icon: <ErrorIcon />,
      tone: counts.errors > 0 ? 'error.main' : 'text.secondary',
    },
    {
      label: 'Già presenti e uguali',
      value: counts.unchanged,
      hint: 'Non cambiano nulla',
      icon: <EqualIcon />,
      tone: 'text.secondary',
    },
    {
      label: 'Righe saltate',
      value: counts.skippedLines,
      hint: 'Vuote, totali, intestazioni ripetute',
      icon: <SkipIcon />,
      tone: 'text.secondary',
    },
  ];
}

/** The preview's figures, one card each: what was read and what happens to it. */
export function CountCards({ counts }: { counts: ImportPreview['counts'] }) {
  return (
    <Box
      component="ul"
      aria-label="Riepilogo dell’anteprima"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
        gap: 1.5,
        listStyle: 'none',
        p: 0,
        m: 0,
      }}
    >
      {cards(counts).map((card) => (
        <Paper
          key={card.label}
          component="li"
          variant="outlined"
          aria-label={`${card.label}: ${formatCount(card.value)}`}
          sx={{ p: 1.5, borderLeft: 4, borderLeftColor: card.tone }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: card.tone }}>
            {card.icon}
            <Typography component="span" sx={{ fontSize: '1.6rem', fontWeight: 600, lineHeight: 1.2 }}>
              {formatCount(card.value)}
            </Typography>
          </Stack>
          <Typography variant="body2" sx={{ fontWeight: 600, mt: 0.5 }}>
            {card.label}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {card.hint}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
