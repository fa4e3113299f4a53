import Typography from '@mui/material/Typography';
import { createPortal } from 'react-dom';
import { formatDate } from '../../../shared/format';

interface Props {
  cooperativeName: string;
  recoveryKey: string;
}

/** The page that prints: only this sheet, no app chrome (see print.css). */
export function RecoveryKeySheet({ cooperativeName, recoveryKey }: Props) {
  return createPortal(
    <section className="print-sheet" aria-hidden="true">
      <Typography variant="h1" gutterBottom>
        Cortile · Chiave di recupero
      </Typography>
      <Typography>Cooperativa: {cooperativeName}</Typography>
      <Typography gutterBottom>Data: {formatDate(new Date().toISOString())}</Typography>
      <Typography
        component="p"
        sx={{
          fontFamily: 'monospace',
          fontSize: '20pt',
          letterSpacing: '0.08em',
          my: 4,
          whiteSpace: 'nowrap',
        }}
      >
        {recoveryKey}
      </Typography>
      <Typography sx={{ mb: 2 }}>Le lettere O, I, L e U non compaiono: 0 e 1 sono sempre cifre.</Typography>
      <Typography sx={{ mb: 2 }}>
        Con questa chiave un amministratore può impostare una nuova password dimenticata e recuperare i dati
        di Cortile su un nuovo computer.
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Conservare il foglio in un luogo sicuro, lontano dal computer: chi possiede la chiave può accedere ai
        dati della cooperativa.
      </Typography>
    </section>,
    document.body,
  );
}
