import PrintIcon from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { FormMessage } from '../forms/FormMessage';
import { CopyKeyButton } from './CopyKeyButton';
import { RecoveryKeyBox } from './RecoveryKeyBox';
import { RecoveryKeySheet } from './RecoveryKeySheet';
import { useConfirmKey } from './useConfirmKey';

interface Props {
  cooperativeName: string;
  recoveryKey: string;
  /** "Continua" after setup, "Fatto" in Impostazioni. */
  confirmLabel: string;
  /** Runs once the server knows the key was kept. */
  onConfirmed: () => Promise<void> | void;
  /** Buttons beside the confirmation one ("Esci", say). */
  actions?: ReactNode;
}

/**
 * A new recovery key, shown once: print or copy it, tick that it was kept,
 * then confirm it to the server (until then Cortile asks for a new one).
 */
export function RecoveryKeyPanel({
  cooperativeName,
  recoveryKey,
  confirmLabel,
  onConfirmed,
  actions,
}: Props) {
  const [kept, setKept] = useState(false);
  const { confirm, message, busy } = useConfirmKey(onConfirmed);
  return (
    <Stack spacing={2}>
      <Typography>
        Questa è la <strong>chiave di recupero</strong> della cooperativa. Serve a un amministratore per
        impostare una nuova password se l’ha dimenticata e per recuperare i dati su un nuovo computer.
      </Typography>
      <RecoveryKeyBox recoveryKey={recoveryKey} />
      <Alert severity="warning">
        Viene mostrata solo ora: Cortile non potrà mostrarla di nuovo. Stamparla o ricopiarla su carta e
        conservarla in un luogo sicuro, lontano dal computer. Chi possiede la chiave può accedere ai dati.
      </Alert>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          Stampa
        </Button>
        <CopyKeyButton recoveryKey={recoveryKey} />
      </Stack>
      <FormControlLabel
        control={<Checkbox checked={kept} onChange={(event) => setKept(event.target.checked)} />}
        label="Ho conservato la chiave di recupero in un luogo sicuro"
      />
      <FormMessage message={message} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        {actions}
        <Button variant="contained" disabled={!kept || busy} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
      </Stack>
      <RecoveryKeySheet cooperativeName={cooperativeName} recoveryKey={recoveryKey} />
    </Stack>
  );
}
