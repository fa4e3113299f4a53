import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';
import type { DashboardSettings } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';

const FIELDS: { key: keyof DashboardSettings; label: string; help: string }[] = [
  {
    key: 'visitDays',
    label: 'Giorni senza visita',
    help: 'Oltre questi giorni dall’ultimo intervento il caseggiato è da seguire.',
  },
  {
    key: 'meetingDays',
    label: 'Giorni senza assemblea',
    help: 'Oltre questi giorni dall’ultima assemblea di caseggiato.',
  },
  {
    key: 'riskGrowth',
    label: 'Crescita del rischio',
    help: 'Nuclei alto + critico in più rispetto al mese prima.',
  },
];

/** The thresholds of «caseggiati da seguire» (dashboard.settings), changed by coordinators. */
export function DashboardSettingsDialog({ onClose }: { onClose: () => void }) {
  const query = useApiQuery('dashboard.settings', {});
  const save = useApiMutation('dashboard.updateSettings', ['dashboard.settings', 'dashboard.buildings']);
  const [values, setValues] = useState<Record<keyof DashboardSettings, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loaded = query.value;
  useEffect(() => {
    if (loaded && values === null) {
      setValues({
        visitDays: String(loaded.settings.visitDays),
        meetingDays: String(loaded.settings.meetingDays),
        riskGrowth: String(loaded.settings.riskGrowth),
      });
    }
  }, [loaded, values]);

  const submit = async () => {
    if (!loaded || !values) return;
    const result = await save.run({
      expectedUpdatedAt: loaded.updatedAt,
      settings: {
        visitDays: Number(values.visitDays),
        meetingDays: Number(values.meetingDays),
        riskGrowth: Number(values.riskGrowth),
      },
    });
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="dashboard-settings-title">
      <DialogTitle id="dashboard-settings-title">Soglie dei caseggiati da seguire</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {error && <Alert severity="error">{error}</Alert>}
          {values &&
            FIELDS.map((field) => (
              <TextField
                key={field.key}
                label={field.label}
                helperText={field.help}
                type="number"
                value={values[field.key]}
                onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              />
            ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Annulla</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={!values || save.isPending}>
          Salva
        </Button>
      </DialogActions>
    </Dialog>
  );
}
