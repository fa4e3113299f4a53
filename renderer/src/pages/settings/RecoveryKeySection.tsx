import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { RenewKeyDialog } from './RenewKeyDialog';

/** Replaces a lost (or seen by the wrong person) recovery key with a new one. */
export function RecoveryKeySection() {
  const [open, setOpen] = useState(false);
  const titleId = useId();
  return (
    <Paper component="section" variant="outlined" aria-labelledby={titleId} sx={{ p: 3 }}>
      <Typography id={titleId} variant="h2" sx={{ mb: 0.5 }}>
        Chiave di recupero
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Serve a un amministratore per impostare una nuova password dimenticata e per recuperare i dati su un
        nuovo computer. Se la chiave è andata persa, o qualcuno potrebbe averla vista, crearne una nuova:
        quella attuale smetterà di funzionare.
      </Typography>
      <Button variant="outlined" onClick={() => setOpen(true)}>
        Crea una nuova chiave di recupero
      </Button>
      {open && <RenewKeyDialog onClose={() => setOpen(false)} />}
    </Paper>
  );
}
