import PrintIcon from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { RecoveryKeySheet } from './RecoveryKeySheet';

interface Props {
  cooperativeName: string;
  recoveryKey: string;
  onContinue: () => void;
}

/** Shown once, right after setup: the key that unlocks everything when a password is lost. */
export function RecoveryKeyStep({ cooperativeName, recoveryKey, onContinue }: Props) {
  const [kept, setKept] = useState(false);
  return (
    <Stack spacing={2}>
      <Typography>
        Questa è la <strong>chiave di recupero</strong> della cooperativa. Serve a un amministratore per
        impostare una nuova password se l’ha dimenticata e per recuperare i dati su un nuovo computer.
      </Typography>
      <Box
        id="recovery-key"
        data-testid="recovery-key"
        aria-label="Chiave di recupero"
        role="group"
        sx={{
          fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
          fontSize: '1.4rem',
          fontWeight: 600,
          letterSpacing: '0.04em',
          textAlign: 'center',
          py: 2,
          px: 1,
          border: 2,
          borderColor: 'primary.main',
          borderRadius: 1,
          bgcolor: 'grey.50',
          userSelect: 'all',
        }}
      >
        {recoveryKey}
      </Box>
      <Alert severity="warning">
        Viene mostrata solo ora: Cortile non potrà mostrarla di nuovo. Stamparla o ricopiarla su carta e
        conservarla in un luogo sicuro, lontano dal computer. Chi possiede la chiave può accedere ai dati.
      </Alert>
      <Box>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          Stampa
        </Button>
      </Box>
      <FormControlLabel
        control={<Checkbox checked={kept} onChange={(event) => setKept(event.target.checked)} />}
        label="Ho conservato la chiave di recupero in un luogo sicuro"
      />
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="contained" disabled={!kept} onClick={onContinue}>
          Continua
        </Button>
      </Stack>
      <RecoveryKeySheet cooperativeName={cooperativeName} recoveryKey={recoveryKey} />
    </Stack>
  );
}
