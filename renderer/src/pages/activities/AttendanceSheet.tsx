import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { Attendee, CallOutput } from '../../../../shared/contract';
import { foldText } from '../../../../shared/normalize';
import { useApiMutation } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { FormMessage } from '../../forms/FormMessage';
import { LeaveGuard } from '../households/LeaveGuard';
import { PageSection } from '../households/PageSection';
import { ACTIVITY_READS, rateText } from './reads';

interface Props {
  detail: CallOutput<'activities.get'>;
}

interface Staircase {
  key: string;
  label: string;
  households: Attendee[];
}

/** Households by building and staircase, in the order the server gave them. */
function byStaircase(households: readonly Attendee[], severalBuildings: boolean): Staircase[] {
  const groups = new Map<string, Staircase>();
  for (const household of households) {
    const key = `${household.buildingId}/${household.staircase}`;
    let group = groups.get(key);
    if (!group) {
      const stair = household.staircase === '' ? 'Senza scala' : `Scala ${household.staircase}`;
      group = {
        key,
        label: severalBuildings ? `${household.buildingAddress} · ${stair}` : stair,
        households: [],
      };
      groups.set(key, group);
    }
    group.households.push(household);
  }
  return [...groups.values()];
}

/** The attendance sheet: a tick per household, guests not in the registry, people from outside. */
export function AttendanceSheet({ detail }: Props) {
  const { activity, attendance } = detail;
  const [present, setPresent] = useState(
    () => new Set(attendance.households.filter((h) => h.present).map((h) => h.householdId)),
  );
  const [guests, setGuests] = useState(String(activity.guests));
  const [outsiders, setOutsiders] = useState<string[]>(activity.outsiders);
  const [outsider, setOutsider] = useState('');
  const [search, setSearch] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const save = useApiMutation('activities.saveAttendance', ACTIVITY_READS);
  const notify = useNotify();

  const severalBuildings = activity.buildings.length > 1;
  const folded = foldText(search);
  const shown = useMemo(
    () =>
      attendance.households.filter(
        (h) =>
          folded === '' ||
          foldText(`${h.referenceName ?? ''} ${h.code} ${h.unitLabel} ${h.buildingAddress}`).includes(folded),
      ),
    [attendance.households, folded],
  );
  const staircases = byStaircase(shown, severalBuildings);
  const eligibleTicked = attendance.households.filter((h) => h.eligible && present.has(h.householdId)).length;
  const presentNow = eligibleTicked + attendance.hiddenPresent;
  const rate = attendance.eligible === 0 ? null : presentNow / attendance.eligible;
  const guestCount = Number.parseInt(guests, 10);
  const saved = attendance.households.filter((h) => h.present).map((h) => h.householdId);
  const unsaved = () =>
    saved.length !== present.size ||
    saved.some((id) => !present.has(id)) ||
    guests !== String(activity.guests) ||
    outsiders.join('\n') !== activity.outsiders.join('\n');

  const toggle = (ids: number[], on: boolean) =>
    setPresent((before) => {
      const next = new Set(before);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const addOutsider = () => {
    const name = outsider.trim();
    if (name === '') return;
    setOutsiders((list) => [...list, name]);
    setOutsider('');
  };

  const submit = async () => {
    setMessage(null);
    const result = await save.run({
      id: activity.id,
      expectedUpdatedAt: activity.updatedAt,
      householdIds: [...present],
      guests: Number.isNaN(guestCount) ? -1 : guestCount,
      outsiders,
    });
    if (!result.ok) {
      setMessage(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    notify('Presenze salvate');
  };

  return (
    <PageSection
      title="Presenze"
      subtitle={rateText(presentNow, attendance.eligible, rate)}
      action={
        <Button variant="contained" onClick={() => void submit()} disabled={save.isPending}>
          Salva presenze
        </Button>
      }
    >
      <FormMessage message={message} />
      <LeaveGuard
        shouldBlock={unsaved}
        message="Le presenze segnate non sono state salvate: uscendo andranno perse."
      />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Nuclei che abitavano nei caseggiati dell’attività il giorno in cui si è svolta.
        {attendance.hiddenEligible > 0 &&
          ` Altri ${attendance.hiddenEligible} nuclei abitano in caseggiati non assegnati al proprio profilo (${attendance.hiddenPresent} presenti).`}
      </Typography>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}
        useFlexGap
      >
        <TextField
          label="Cerca nucleo"
          size="small"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          sx={{ minWidth: 240 }}
        />
        <TextField
          label="Partecipanti non registrati"
          helperText="Ospiti, bambini, persone senza nucleo"
          size="small"
          type="number"
          value={guests}
          onChange={(event) => setGuests(event.target.value)}
          slotProps={{ htmlInput: { min: 0 } }}
          sx={{ width: 240 }}
        />
      </Stack>
      {attendance.households.length === 0 ? (
        <Typography color="text.secondary">
          Nessun nucleo abitava nei caseggiati dell’attività quel giorno: si possono segnare solo i
          partecipanti non registrati e le persone esterne.
        </Typography>
      ) : staircases.length === 0 ? (
        <Typography color="text.secondary">Nessun nucleo corrisponde alla ricerca.</Typography>
      ) : (
        staircases.map((group) => {
          const ids = group.households.map((h) => h.householdId);
          const all = ids.every((id) => present.has(id));
          return (
            <Box key={group.key} component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 2 }}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
                <Typography component="legend" sx={{ fontWeight: 600, float: 'left' }}>
                  {group.label}
                </Typography>
                <Button
                  size="small"
                  onClick={() => toggle(ids, !all)}
                  aria-label={`${all ? 'Deseleziona' : 'Seleziona'} tutto: ${group.label}`}
                >
                  {all ? 'Deseleziona tutto' : 'Seleziona tutto'}
                </Button>
              </Stack>
              <Box
                sx={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
                  columnGap: 2,
                }}
              >
                {group.households.map((h) => (
                  <FormControlLabel
                    key={h.householdId}
                    control={
                      <Checkbox
                        size="small"
                        checked={present.has(h.householdId)}
                        onChange={(event) => toggle([h.householdId], event.target.checked)}
                      />
                    }
                    label={
                      <span>
                        {h.referenceName ?? h.code}
                        <Typography component="span" variant="body2" color="text.secondary">
                          {` · ${h.unitLabel}${h.eligible ? '' : ' · non abitava qui quel giorno'}`}
                        </Typography>
                      </span>
                    }
                  />
                ))}
              </Box>
            </Box>
          );
        })
      )}
      <Typography sx={{ fontWeight: 600, mt: 1 }}>Persone esterne</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', my: 1 }} useFlexGap>
        {outsiders.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            Nessuna. Aggiungere per nome chi è venuto da fuori (volontari, servizi, ospiti).
          </Typography>
        )}
        {outsiders.map((name, index) => (
          <Chip
            key={`${name}-${index}`}
            label={name}
            onDelete={() => setOutsiders((list) => list.filter((_, i) => i !== index))}
            deleteIcon={<CloseIcon aria-label={`Togli ${name}`} />}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          label="Nome della persona esterna"
          size="small"
          value={outsider}
          onChange={(event) => setOutsider(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              addOutsider();
            }
          }}
          sx={{ minWidth: 280 }}
        />
        <Button onClick={addOutsider}>Aggiungi persona</Button>
      </Stack>
    </PageSection>
  );
}
