import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId, useState, type SyntheticEvent } from 'react';
import type { HouseholdRow } from '../../../../shared/contract';
import type { InterventionTarget } from '../../casework/InterventionDialog';

interface Props {
  buildingId: number;
  /** The building's active households, to tick for a group intervention. */
  households: readonly HouseholdRow[];
  onChoose: (target: InterventionTarget) => void;
  onClose: () => void;
}

/** Before "Registra intervento" on a building: on the building itself, or on some of its households. */
export function InterventionTargetDialog({ buildingId, households, onChoose, onClose }: Props) {
  const titleId = useId();
  const [kind, setKind] = useState<'building' | 'households'>('building');
  const [ticked, setTicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: number) => {
    setError(null);
    setTicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (kind === 'building') {
      onChoose({ kind: 'building', buildingId });
      return;
    }
    if (ticked.length === 0) {
      setError('Scegliere almeno un nucleo.');
      return;
    }
    onChoose({ kind: 'households', householdIds: ticked });
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId}>
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Registra intervento</DialogTitle>
        <DialogContent>
          <RadioGroup
            aria-label="A chi si riferisce l’intervento"
            value={kind}
            onChange={(event) => setKind(event.target.value === 'households' ? 'households' : 'building')}
          >
            <FormControlLabel
              value="building"
              control={<Radio />}
              label="Sul caseggiato (spazi comuni, assemblee, lavoro con tutto lo stabile)"
            />
            <FormControlLabel
              value="households"
              control={<Radio />}
              disabled={households.length === 0}
              label="Con alcuni nuclei (intervento di gruppo: un intervento per ciascun nucleo)"
            />
          </RadioGroup>
          {kind === 'households' && (
            <Box sx={{ mt: 1, ml: 4, maxHeight: 260, overflowY: 'auto' }}>
              <FormGroup aria-label="Nuclei dell’intervento">
                {households.map((household) => (
                  <FormControlLabel
                    key={household.id}
                    control={
                      <Checkbox
                        checked={ticked.includes(household.id)}
                        onChange={() => toggle(household.id)}
                      />
                    }
                    label={`${household.code} · ${household.referenceName ?? 'senza intestatario'} · ${household.unitLabel}`}
                  />
                ))}
              </FormGroup>
              {error && (
                <FormHelperText error role="alert">
                  {error}
                </FormHelperText>
              )}
            </Box>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button type="button" onClick={onClose}>
            Annulla
          </Button>
          <Button type="submit" variant="contained">
            Continua
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
