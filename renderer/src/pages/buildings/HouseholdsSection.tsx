import AddIcon from '@mui/icons-material/GroupAddOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { HouseholdRow } from '../../../../shared/contract';
import { HOUSEHOLD_STATUS_LABELS } from '../../registry/labels';

/** The households of the building; "Aggiungi nucleo" starts the new-household page in this building. */
export function HouseholdsSection({
  buildingId,
  households,
}: {
  buildingId: number;
  households: readonly HouseholdRow[];
}) {
  const navigate = useNavigate();
  const addTo = `/nuclei/nuovo?buildingId=${buildingId}`;
  return (
    <>
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography color="text.secondary">
          {households.length === 0
            ? 'Nessun nucleo registrato.'
            : households.length === 1
              ? '1 nucleo.'
              : `${households.length} nuclei.`}
        </Typography>
        <Button variant="outlined" startIcon={<AddIcon />} component={RouterLink} to={addTo}>
          Aggiungi nucleo
        </Button>
      </Stack>
      {households.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography>
            Nessun nucleo. Qui compariranno i nuclei familiari che abitano nel caseggiato: aggiungerli con
            “Aggiungi nucleo”, scegliendo l’alloggio.
          </Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Nuclei del caseggiato">
            <TableHead>
              <TableRow>
                <TableCell>Codice</TableCell>
                <TableCell>Intestatario</TableCell>
                <TableCell>Alloggio</TableCell>
                <TableCell align="right">Componenti</TableCell>
                <TableCell>Telefono</TableCell>
                <TableCell>Stato</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {households.map((household) => (
                <TableRow
                  key={household.id}
                  hover
                  onClick={() => void navigate(`/nuclei/${household.id}`)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell component="th" scope="row">
                    <Link
                      component={RouterLink}
                      to={`/nuclei/${household.id}`}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {household.code}
                    </Link>
                  </TableCell>
                  <TableCell>{household.referenceName ?? '—'}</TableCell>
                  <TableCell>{household.unitLabel}</TableCell>
                  <TableCell align="right">{household.memberCount}</TableCell>
                  <TableCell>{household.phone || '—'}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={household.status === 'attivo' ? 'success' : 'default'}
                        label={HOUSEHOLD_STATUS_LABELS[household.status]}
                      />
                      {household.toTeam && (
                        <Chip size="small" variant="outlined" color="secondary" label="In équipe" />
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
