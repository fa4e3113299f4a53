import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { MeetingView, ProposalItem } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../feedback/NotifyContext';
import { FormMessage } from '../../forms/FormMessage';
import { BandChip } from '../households/arrears/chips';
import { PageSection } from '../households/PageSection';
import { MEETING_READS } from './reads';

interface Entry {
  householdId: number;
  code: string;
  name: string | null;
  address: string;
  item: ProposalItem | null;
}

/**
 * "Proposte dal territorio": the households flagged «porta in équipe», worst risk first, with
 * their latest interventions; the coordinator ticks and orders the cases of the agenda.
 */
export function ProposalSection({
  view,
  onDirty,
}: {
  view: MeetingView;
  onDirty: (key: string, dirty: boolean) => void;
}) {
  return <ProposalList view={view} onDirty={onDirty} key={view.meeting.updatedAt} />;
}

function ProposalList({
  view,
  onDirty,
}: {
  view: MeetingView;
  onDirty: (key: string, dirty: boolean) => void;
}) {
  const proposal = useApiQuery('meetings.proposal', { meetingId: view.meeting.id });
  const [selected, setSelected] = useState<number[]>(() => view.cases.map((c) => c.householdId));
  const [message, setMessage] = useState<string | null>(null);
  const notify = useNotify();
  const setCases = useApiMutation('meetings.setCases', MEETING_READS);
  const saved = view.cases.map((c) => c.householdId).join(',') === selected.join(',');
  useEffect(() => {
    onDirty('agenda', !saved);
    return () => onDirty('agenda', false);
  }, [saved, onDirty]);

  if (proposal.error) return <ErrorNotice error={proposal.error} onRetry={proposal.refetch} />;
  if (!proposal.value) return <Loading label="Caricamento delle proposte" />;

  const byId = new Map<number, Entry>();
  for (const c of view.cases) {
    byId.set(c.householdId, {
      householdId: c.householdId,
      code: c.householdCode,
      name: c.householdName,
      address: c.buildingAddress,
      item: null,
    });
  }
  for (const item of proposal.value.items) {
    byId.set(item.householdId, {
      householdId: item.householdId,
      code: item.code,
      name: item.referenceName,
      address: item.buildingAddress,
      item,
    });
  }
  const chosen = selected.flatMap((id) => byId.get(id) ?? []);
  const others = proposal.value.items
    .filter((i) => !selected.includes(i.householdId))
    .flatMap((i) => byId.get(i.householdId) ?? []);

  const move = (index: number, by: number) =>
    setSelected((current) => {
      const next = [...current];
      const [id] = next.splice(index, 1);
      if (id !== undefined) next.splice(index + by, 0, id);
      return next;
    });
  const toggle = (id: number, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));

  const save = async () => {
    setMessage(null);
    const result = await setCases.run({
      id: view.meeting.id,
      expectedUpdatedAt: view.meeting.updatedAt,
      householdIds: selected,
    });
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    notify('Ordine del giorno salvato');
  };

  return (
    <PageSection
      title="Proposte dal territorio"
      subtitle={`${proposal.value.items.length} nuclei segnalati «porta in équipe»`}
      action={
        <Button variant="contained" onClick={() => void save()} disabled={saved || setCases.isPending}>
          Salva ordine del giorno
        </Button>
      }
    >
      <FormMessage message={message} />
      <Typography color="text.secondary" sx={{ mb: 1 }}>
        Spuntare i casi da discutere e metterli in ordine con le frecce.
      </Typography>
      {chosen.length === 0 && others.length === 0 && (
        <Typography color="text.secondary">
          Nessun nucleo segnalato «porta in équipe». La segnalazione si mette dalla scheda del nucleo.
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Casi in ordine del giorno">
        {chosen.map((entry, index) => (
          <ProposalRow
            key={entry.householdId}
            entry={entry}
            checked
            position={index + 1}
            onToggle={(on) => toggle(entry.householdId, on)}
            onUp={index > 0 ? () => move(index, -1) : undefined}
            onDown={index < chosen.length - 1 ? () => move(index, 1) : undefined}
          />
        ))}
      </Box>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Altri nuclei proposti">
        {others.map((entry) => (
          <ProposalRow
            key={entry.householdId}
            entry={entry}
            checked={false}
            onToggle={(on) => toggle(entry.householdId, on)}
          />
        ))}
      </Box>
    </PageSection>
  );
}

function ProposalRow({
  entry,
  checked,
  position,
  onToggle,
  onUp,
  onDown,
}: {
  entry: Entry;
  checked: boolean;
  position?: number;
  onToggle: (on: boolean) => void;
  onUp?: () => void;
  onDown?: () => void;
}) {
  const label = `Nucleo ${entry.code}${entry.name ? ` · ${entry.name}` : ''}`;
  const item = entry.item;
  return (
    <Box component="li" sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControlLabel
          control={<Checkbox checked={checked} onChange={(event) => onToggle(event.target.checked)} />}
          label={position ? `${position}. ${label}` : label}
          sx={{ mr: 0 }}
        />
        <Typography variant="body2" color="text.secondary">
          {entry.address}
        </Typography>
        {item?.risk && <BandChip band={item.risk.band} score={item.risk.score} />}
        {item && !item.risk && <Chip size="small" variant="outlined" label="Nessun punteggio" />}
        {item && item.openActions > 0 && (
          <Chip
            size="small"
            variant="outlined"
            color="warning"
            label={item.openActions === 1 ? '1 azione aperta' : `${item.openActions} azioni aperte`}
          />
        )}
        {checked && (
          <Box sx={{ ml: 'auto' }}>
            <IconButton size="small" aria-label={`Sposta su ${entry.code}`} onClick={onUp} disabled={!onUp}>
              <ArrowUpIcon fontSize="small" />
            </IconButton>
            <IconButton
              size="small"
              aria-label={`Sposta giù ${entry.code}`}
              onClick={onDown}
              disabled={!onDown}
            >
              <ArrowDownIcon fontSize="small" />
            </IconButton>
          </Box>
        )}
      </Stack>
      {item && item.latestInterventions.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 6, color: 'text.secondary' }}>
          {item.latestInterventions.map((i) => (
            <Typography component="li" variant="body2" key={i.id}>
              {`${formatDate(i.occurredAt.slice(0, 10))} · ${i.typeLabel} · ${i.operatorName}${i.outcome ? ` — ${i.outcome}` : ''}`}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
