import MoveIcon from '@mui/icons-material/MoveDownOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Household, Move } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { MoveDialog } from './MoveDialog';
import { PageSection } from './PageSection';

type Place = Move['to'];

function UnitLink({ place, withAddress }: { place: Place; withAddress: boolean }) {
  return (
    <>
      <Link component={RouterLink} to={`/alloggi/${place.unitId}`}>
        {place.unitLabel}
      </Link>
      {withAddress && ` (${place.buildingAddress})`}
    </>
  );
}

/** "da int. 1 a int. 2 · Via …", naming the building once when it did not change. */
function MoveLine({ move }: { move: Move }) {
  const { from, to } = move;
  if (!from) {
    return (
      <>
        {'in '}
        <UnitLink place={to} withAddress={false} />
        {` · ${to.buildingAddress}`}
      </>
    );
  }
  const sameBuilding = from.buildingAddress === to.buildingAddress;
  return (
    <>
      {'da '}
      <UnitLink place={from} withAddress={!sameBuilding} />
      {' a '}
      <UnitLink place={to} withAddress={!sameBuilding} />
      {sameBuilding && ` · ${to.buildingAddress}`}
    </>
  );
}

/** "Alloggio e trasferimenti": where the household lives now, and where it lived before. */
export function HousingSection({ household, moves }: { household: Household; moves: Move[] }) {
  const [moving, setMoving] = useState(false);
  const history = [...moves].reverse();
  return (
    <PageSection
      title="Alloggio e trasferimenti"
      action={
        <Button startIcon={<MoveIcon />} onClick={() => setMoving(true)}>
          Trasferisci
        </Button>
      }
    >
      <Stack spacing={0.5} sx={{ mb: 2 }}>
        <Typography>
          <Link component={RouterLink} to={`/alloggi/${household.unit.id}`} sx={{ fontWeight: 600 }}>
            {household.unit.label}
          </Link>
          {household.unit.agencyCode && (
            <Typography
              component="span"
              color="text.secondary"
            >{` · codice ${household.unit.agencyCode}`}</Typography>
          )}
        </Typography>
        <Typography>
          <Link component={RouterLink} to={`/caseggiati/${household.building.id}`}>
            {household.building.address}, {household.building.city}
          </Link>
          <Typography
            component="span"
            color="text.secondary"
          >{` · dal ${formatDate(household.since)}`}</Typography>
        </Typography>
      </Stack>
      {history.length > 0 && (
        <>
          <Typography component="h3" variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
            Trasferimenti
          </Typography>
          <Box component="ol" aria-label="Trasferimenti" sx={{ m: 0, p: 0 }}>
            {history.map((move) => (
              <Box
                component="li"
                key={move.id}
                sx={{ listStyle: 'none', py: 1, borderTop: 1, borderColor: 'divider' }}
              >
                <Typography variant="body2">
                  <strong>{formatDate(move.movedOn)}</strong>
                  {` · ${move.from ? move.reason || 'Trasferimento' : 'Primo ingresso'}`}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  <MoveLine move={move} />
                </Typography>
              </Box>
            ))}
          </Box>
        </>
      )}
      {moving && <MoveDialog household={household} onClose={() => setMoving(false)} />}
    </PageSection>
  );
}
