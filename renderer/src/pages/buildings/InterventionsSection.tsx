import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { Intervention } from '../../../../shared/contract';
import { formatDateTime } from '../../../../shared/format';

/** What an intervention says, short: its notes (or that they are confidential) and outcome. */
function Summary({ intervention }: { intervention: Intervention }) {
  const text = [intervention.notes, intervention.outcome].filter((part) => part).join(' — ');
  return (
    <>
      {intervention.confidential && <Chip size="small" variant="outlined" label="Riservato" sx={{ mr: 1 }} />}
      <Typography
        component="span"
        variant="body2"
        color={text ? 'text.primary' : 'text.secondary'}
        sx={{
          display: '-webkit-box',
          WebkitLineClamp: 2,
          WebkitBoxOrient: 'vertical',
          overflow: 'hidden',
          verticalAlign: 'middle',
        }}
      >
        {text ||
          (intervention.notes === null ? 'Note visibili solo a chi le ha scritte e ai coordinatori.' : '—')}
      </Typography>
    </>
  );
}

/** The latest interventions on the building and its households. */
export function InterventionsSection({ interventions }: { interventions: readonly Intervention[] }) {
  if (interventions.length === 0) {
    return (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography>
          Nessun intervento. Qui compariranno gli ultimi interventi sul caseggiato e sui suoi nuclei:
          registrarli con “Registra intervento”.
        </Typography>
      </Paper>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Ultimi interventi">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 150 }}>Data e ora</TableCell>
            <TableCell>Tipo</TableCell>
            <TableCell>Nucleo</TableCell>
            <TableCell>Temi</TableCell>
            <TableCell>Operatore</TableCell>
            <TableCell sx={{ width: '30%' }}>Note ed esito</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {interventions.map((intervention) => (
            <TableRow key={intervention.id}>
              <TableCell>{formatDateTime(intervention.occurredAt)}</TableCell>
              <TableCell>{intervention.typeLabel}</TableCell>
              <TableCell>
                {intervention.householdId !== null ? (
                  <Link component={RouterLink} to={`/nuclei/${intervention.householdId}`}>
                    {intervention.householdCode}
                    {intervention.householdName ? ` · ${intervention.householdName}` : ''}
                  </Link>
                ) : (
                  <Typography component="span" variant="body2" color="text.secondary">
                    Sul caseggiato
                  </Typography>
                )}
              </TableCell>
              <TableCell>{intervention.topicLabels.join(', ')}</TableCell>
              <TableCell>{intervention.operatorName}</TableCell>
              <TableCell>
                <Summary intervention={intervention} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
