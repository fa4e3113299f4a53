import AlarmIcon from '@mui/icons-material/AlarmOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import CelebrationIcon from '@mui/icons-material/CelebrationOutlined';
import ForumIcon from '@mui/icons-material/ForumOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import LockIcon from '@mui/icons-material/LockOutlined';
import SendIcon from '@mui/icons-material/SendOutlined';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Fragment, type ReactNode } from 'react';
import type { Followup, Intervention, Referral } from '../../../../shared/contract';
import { formatDate, formatDateTime } from '../../../../shared/format';
import type { FollowupDone } from '../../casework/useFollowupDone';
import { REFERRAL_STATUS_LABELS } from '../../registry/labels';
import { ActivityEntryTitle } from '../activities/ActivityEntry';
import type { TimelineEntry } from './timeline';

interface Props {
  entries: TimelineEntry[];
  today: string;
  done: FollowupDone;
  onEditIntervention: (intervention: Intervention) => void;
  onEditReferral: (referral: Referral) => void;
  onEditFollowup: (followup: Followup) => void;
}

const minutes = new Intl.NumberFormat('it-IT');

function Entry({
  icon,
  title,
  when,
  edit,
  children,
}: {
  icon: ReactNode;
  title: ReactNode;
  when: string;
  edit?: { label: string; onClick: () => void };
  children: ReactNode;
}) {
  return (
    <Box component="li" sx={{ display: 'flex', gap: 2, py: 1.5, listStyle: 'none' }}>
      <Box
        aria-hidden
        sx={{
          flexShrink: 0,
          width: 36,
          height: 36,
          borderRadius: '50%',
          bgcolor: 'action.hover',
          color: 'primary.main',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {icon}
      </Box>
      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, minHeight: 36 }}>
          <Typography component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
            {when}
          </Typography>
          {edit && (
            <IconButton size="small" aria-label={edit.label} onClick={edit.onClick}>
              <EditIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
        {children}
      </Box>
    </Box>
  );
}

function Text({ children, label }: { children: string; label?: string }) {
  if (children.trim() === '') return null;
  return (
    <Typography sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
      {label && (
        <Typography component="span" color="text.secondary">
          {`${label}: `}
        </Typography>
      )}
      {children}
    </Typography>
  );
}

function InterventionEntry({ item, onEdit }: { item: Intervention; onEdit: () => void }) {
  return (
    <Entry
      icon={<ForumIcon fontSize="small" />}
      title={`Intervento · ${item.typeLabel}`}
      when={formatDateTime(item.occurredAt)}
      edit={
        item.editable
          ? { label: `Modifica l’intervento del ${formatDateTime(item.occurredAt)}`, onClick: onEdit }
          : undefined
      }
    >
      <Typography variant="body2" color="text.secondary">
        {[
          item.operatorName,
          `${minutes.format(item.durationMin)} min`,
          item.channelLabel,
          item.originLabel,
        ].join(' · ')}
      </Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mt: 0.75 }}>
        {item.topicLabels.map((topic) => (
          <Chip key={topic} size="small" label={topic} />
        ))}
        {item.groupId !== null && <Chip size="small" variant="outlined" label="Intervento di gruppo" />}
        {item.confidential && (
          <Chip size="small" variant="outlined" color="warning" icon={<LockIcon />} label="Riservato" />
        )}
      </Stack>
      {item.notes === null ? (
        <Typography color="text.secondary" sx={{ fontStyle: 'italic', mt: 0.5 }}>
          Note riservate: le vedono solo chi ha scritto l’intervento e i coordinatori.
        </Typography>
      ) : (
        <Text>{item.notes}</Text>
      )}
      <Text label="Esito">{item.outcome}</Text>
    </Entry>
  );
}

function ReferralEntry({ item, onEdit }: { item: Referral; onEdit: () => void }) {
  return (
    <Entry
      icon={<SendIcon fontSize="small" />}
      title={`Invio ai servizi · ${item.serviceLabel}`}
      when={formatDate(item.referredOn)}
      edit={{ label: `Modifica l’invio a ${item.serviceLabel}`, onClick: onEdit }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip size="small" variant="outlined" label={REFERRAL_STATUS_LABELS[item.status]} />
        <Typography variant="body2" color="text.secondary">
          {item.operatorName}
          {item.checkBy ? ` · verificare l’esito entro il ${formatDate(item.checkBy)}` : ''}
        </Typography>
      </Stack>
      <Text label="Motivo">{item.reason}</Text>
    </Entry>
  );
}

function FollowupEntry({
  item,
  today,
  done,
  onEdit,
}: {
  item: Followup;
  today: string;
  done: FollowupDone;
  onEdit: () => void;
}) {
  const checked = done.pending.get(item.id) ?? item.done;
  const overdue = !checked && item.dueOn < today;
  return (
    <Entry
      icon={<AlarmIcon fontSize="small" />}
      title={
        <Stack direction="row" component="span" sx={{ alignItems: 'center', gap: 1 }}>
          <span>Promemoria</span>
          {checked && <Chip size="small" variant="outlined" color="success" label="Fatto" />}
          {overdue && <Chip size="small" variant="outlined" color="error" label="Scaduto" />}
          {!checked && item.dueOn === today && <Chip size="small" color="primary" label="Oggi" />}
        </Stack>
      }
      when={`entro il ${formatDate(item.dueOn)}`}
      edit={checked ? undefined : { label: `Modifica il promemoria «${item.text}»`, onClick: onEdit }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', ml: -1.25 }}>
        <Checkbox
          checked={checked}
          onChange={(event) => void done.setDone(item, event.target.checked)}
          slotProps={{ input: { 'aria-label': `Fatto: ${item.text}` } }}
          size="small"
        />
        <Typography sx={checked ? { textDecoration: 'line-through', color: 'text.secondary' } : undefined}>
          {item.text}
        </Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {item.operatorName}
        {item.doneAt ? ` · fatto il ${formatDate(item.doneAt)}` : ''}
      </Typography>
    </Entry>
  );
}

/** One history of the household: interventions, referrals and follow-ups, newest first. */
export function Timeline({
  entries,
  today,
  done,
  onEditIntervention,
  onEditReferral,
  onEditFollowup,
}: Props) {
  return (
    <Box component="ol" aria-label="Storia del nucleo" sx={{ m: 0, p: 0 }}>
      {entries.map((entry, index) => (
        <Fragment key={entry.key}>
          {index > 0 && <Divider component="li" aria-hidden sx={{ listStyle: 'none', ml: 7 }} />}
          {entry.kind === 'intervention' && (
            <InterventionEntry item={entry.item} onEdit={() => onEditIntervention(entry.item)} />
          )}
          {entry.kind === 'referral' && (
            <ReferralEntry item={entry.item} onEdit={() => onEditReferral(entry.item)} />
          )}
          {entry.kind === 'activity' && (
            <Entry
              icon={<CelebrationIcon fontSize="small" />}
              title={<ActivityEntryTitle item={entry.item} />}
              when={`${formatDate(entry.item.heldOn)}, ${entry.item.startsAt}`}
            >
              <Typography variant="body2" color="text.secondary">
                Presente · {entry.item.typeLabel}
              </Typography>
            </Entry>
          )}
          {entry.kind === 'letter' && (
            <Entry
              icon={<MailIcon fontSize="small" />}
              title={`Lettera: ${entry.item.templateName}`}
              when={formatDateTime(entry.item.issuedAt)}
            >
              <Typography variant="body2" color="text.secondary">
                Protocollo {entry.item.protocol} · versione {entry.item.templateVersion} del modello ·{' '}
                {entry.item.operatorName}
              </Typography>
            </Entry>
          )}
          {entry.kind === 'followup' && (
            <FollowupEntry
              item={entry.item}
              today={today}
              done={done}
              onEdit={() => onEditFollowup(entry.item)}
            />
          )}
        </Fragment>
      ))}
    </Box>
  );
}
