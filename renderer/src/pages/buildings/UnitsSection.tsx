import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/EditOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
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
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Unit } from '../../../../shared/contract';
import { visuallyHidden } from '../../components/visuallyHidden';
import { floorLabel } from '../../registry/labels';
import { AddUnitsDialog } from './AddUnitsDialog';
import { UnitDialog } from './UnitDialog';

const count = new Intl.NumberFormat('it-IT');

type Open = { kind: 'many' } | { kind: 'one'; unit: Unit | null } | null;

/** Who lives in a unit now, with a link to the household; a free unit offers "Aggiungi nucleo". */
function Occupant({ unit }: { unit: Unit }) {
  if (unit.household) {
    return (
      <Link component={RouterLink} to={`/nuclei/${unit.household.id}`} onClick={(e) => e.stopPropagation()}>
        {unit.household.code}
        {unit.household.referenceName ? ` · ${unit.household.referenceName}` : ''}
      </Link>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography component="span" variant="body2" color="text.secondary">
        Libero
      </Typography>
      <Link
        component={RouterLink}
        to={`/nuclei/nuovo?unitId=${unit.id}`}
        onClick={(e) => e.stopPropagation()}
        underline="hover"
        aria-label={`Aggiungi nucleo in ${unit.label}`}
      >
        Aggiungi nucleo
      </Link>
    </Stack>
  );
}

/** The building's units and who lives there now. A row opens the unit's page. */
export function UnitsSection({ buildingId, units }: { buildingId: number; units: readonly Unit[] }) {
  const [open, setOpen] = useState<Open>(null);
  const navigate = useNavigate();
  const free = units.filter((unit) => !unit.household).length;

  return (
    <>
      {units.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography sx={{ mb: 2 }}>
            Nessun alloggio. Aggiungere gli alloggi del caseggiato: con “Aggiungi alloggi” si creano tutti
            insieme, indicando scala, piani e interni per piano.
          </Typography>
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'center' }}>
            <Button
              variant="contained"
              startIcon={<PlaylistAddIcon />}
              onClick={() => setOpen({ kind: 'many' })}
            >
              Aggiungi alloggi
            </Button>
            <Button startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'one', unit: null })}>
              Aggiungi un alloggio
            </Button>
          </Stack>
        </Paper>
      ) : (
        <>
          <Stack
            direction="row"
            spacing={1}
            sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between' }}
            useFlexGap
          >
            <Typography color="text.secondary">
              {`${count.format(units.length)} ${units.length === 1 ? 'alloggio' : 'alloggi'}, di cui ${count.format(free)} ${free === 1 ? 'libero' : 'liberi'}.`}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button
                variant="outlined"
                startIcon={<PlaylistAddIcon />}
                onClick={() => setOpen({ kind: 'many' })}
              >
                Aggiungi alloggi
              </Button>
              <Button startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'one', unit: null })}>
                Aggiungi un alloggio
              </Button>
            </Stack>
          </Stack>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="Alloggi">
              <TableHead>
                <TableRow>
                  <TableCell>Scala</TableCell>
                  <TableCell>Piano</TableCell>
                  <TableCell>Interno</TableCell>
                  <TableCell>Codice alloggio</TableCell>
                  <TableCell>Chi ci abita</TableCell>
                  <TableCell align="right">
                    <Box component="span" sx={visuallyHidden}>
                      Azioni
                    </Box>
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {units.map((unit) => (
                  <TableRow
                    key={unit.id}
                    hover
                    onClick={() => void navigate(`/alloggi/${unit.id}`)}
                    sx={{ cursor: 'pointer' }}
                  >
                    <TableCell>{unit.staircase || '—'}</TableCell>
                    <TableCell>{floorLabel(unit.floor).replace('piano ', '')}</TableCell>
                    <TableCell component="th" scope="row">
                      <Link
                        component={RouterLink}
                        to={`/alloggi/${unit.id}`}
                        onClick={(e) => e.stopPropagation()}
                        aria-label={unit.label}
                      >
                        {unit.number}
                      </Link>
                    </TableCell>
                    <TableCell>{unit.agencyCode ?? '—'}</TableCell>
                    <TableCell>
                      <Occupant unit={unit} />
                    </TableCell>
                    <TableCell align="right" sx={{ py: 0 }}>
                      <IconButton
                        size="small"
                        aria-label={`Modifica ${unit.label}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          setOpen({ kind: 'one', unit });
                        }}
                      >
                        <EditIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
      {open?.kind === 'many' && <AddUnitsDialog buildingId={buildingId} onClose={() => setOpen(null)} />}
      {open?.kind === 'one' && (
        <UnitDialog buildingId={buildingId} unit={open.unit} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
