import GroupsIcon from '@mui/icons-material/GroupsOutlined';
import Chip, { type ChipProps } from '@mui/material/Chip';
import type { HouseholdRow } from '../../../../shared/contract';
import { HOUSEHOLD_STATUS_LABELS } from '../../registry/labels';

type Status = HouseholdRow['status'];

const STATUS_COLORS: Record<Status, ChipProps['color']> = {
  attivo: 'success',
  trasferito: 'default',
  chiuso: 'default',
};

/** The household's status as a chip: the word always, the colour only as a help. */
export function StatusChip({ status, size = 'small' }: { status: Status; size?: ChipProps['size'] }) {
  return (
    <Chip
      size={size}
      variant="outlined"
      color={STATUS_COLORS[status]}
      label={HOUSEHOLD_STATUS_LABELS[status]}
    />
  );
}

/** Marks a household to be discussed at the team meeting. */
export function TeamChip({ size = 'small' }: { size?: ChipProps['size'] }) {
  return (
    <Chip size={size} variant="outlined" color="secondary" icon={<GroupsIcon />} label="Porta in équipe" />
  );
}
