import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { roleAtLeast } from '../../../../shared/contract';
import { useSession } from '../../app/SessionContext';
import { PageHeader } from '../../components/PageHeader';
import { NAV_ENTRIES } from '../../frame/navigation';
import { Dashboard } from '../dashboard/Dashboard';
import { greeting } from './greeting';

const DESCRIPTIONS: Record<string, string> = {
  '/agenda': 'I promemoria scaduti, di oggi e dei prossimi 7 giorni.',
  '/nuclei': 'Cercare un nucleo, aprirne la scheda, registrare un nuovo nucleo.',
  '/caseggiati': 'I caseggiati, i loro alloggi e chi ci abita.',
  '/interventi': 'Tutti gli interventi registrati, con filtri per periodo e operatore.',
  '/da-contattare':
    'I nuclei da chiamare per la morosità, dal rischio più alto, con i motivi e l’ultimo contatto.',
  '/morosita':
    'Importare gli estratti dell’ente gestore, annullare un’importazione, regolare il punteggio di rischio.',
  '/elenchi': 'Aree e voci degli elenchi: tipi di intervento, canali, temi, fragilità, servizi.',
  '/operatori': 'Aggiungere i colleghi, assegnare i ruoli, disattivare un account, reimpostare una password.',
  '/impostazioni':
    'Dati della cooperativa (compaiono sulle lettere), blocco automatico e chiave di recupero.',
  '/profilo': 'Cambiare la propria password.',
};

/** What the signed-in operator can do today, without made-up figures. */
export function HomePage() {
  const { operator, autoLockMinutes } = useSession();
  const entries = NAV_ENTRIES.filter(
    (entry) => DESCRIPTIONS[entry.path] && (!entry.role || roleAtLeast(operator.role, entry.role)),
  );
  return (
    <>
      <PageHeader title={`${greeting()}, ${operator.fullName}`} windowTitle="Home" />
      <Typography sx={{ mb: 3, maxWidth: 720 }}>
        Da qui si raggiungono le funzioni disponibili. Cortile si blocca da solo dopo {autoLockMinutes}{' '}
        {autoLockMinutes === 1 ? 'minuto' : 'minuti'} senza attività; per bloccarlo subito usare “Blocca” in
        alto a destra.
      </Typography>
      <Dashboard />
      <Typography variant="h2" sx={{ mb: 2 }}>
        Funzioni
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {entries.map((entry) => (
          <Card key={entry.path} variant="outlined" sx={{ width: 300 }}>
            <CardActionArea component={RouterLink} to={entry.path} sx={{ height: '100%' }}>
              <CardContent>
                <Typography variant="h3" component="h2" gutterBottom>
                  {entry.label}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {DESCRIPTIONS[entry.path]}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Stack>
      {!roleAtLeast(operator.role, 'amministratore') && (
        <Typography color="text.secondary" sx={{ mt: 3, maxWidth: 720 }}>
          Per aggiungere colleghi o cambiare i dati della cooperativa rivolgersi a un amministratore.
        </Typography>
      )}
    </>
  );
}
