import MoreIcon from '@mui/icons-material/MoreVert';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import type { Operator } from '../../../../shared/contract';

export type OperatorAction = 'edit' | 'deactivate' | 'reactivate' | 'resetPassword';

interface Props {
  operator: Operator;
  /** The signed-in administrator's own row: no deactivating or resetting oneself. */
  isSelf: boolean;
  onAction: (action: OperatorAction, operator: Operator) => void;
}

const LABELS: Record<OperatorAction, string> = {
  edit: 'Modifica',
  deactivate: 'Disattiva',
  reactivate: 'Riattiva',
  resetPassword: 'Reimposta password',
};

function actionsFor(operator: Operator, isSelf: boolean): OperatorAction[] {
  if (!operator.active) return ['edit', 'reactivate'];
  return isSelf ? ['edit'] : ['edit', 'resetPassword', 'deactivate'];
}

/** The row's actions, behind one button named after the operator. */
export function OperatorActions({ operator, isSelf, onAction }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const choose = (action: OperatorAction) => {
    setAnchor(null);
    onAction(action, operator);
  };
  return (
    <>
      <IconButton
        aria-label={`Azioni per ${operator.fullName}`}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        <MoreIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actionsFor(operator, isSelf).map((action) => (
          <MenuItem key={action} onClick={() => choose(action)}>
            {LABELS[action]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
