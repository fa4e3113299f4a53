import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';

interface Props {
  /** The row's name, for the buttons' accessible names («Rinomina Cittadella»). */
  name: string;
  active: boolean;
  pending: boolean;
  onRename: () => void;
  onSetActive: (active: boolean) => void;
}

/**
 * The last cell of a row in an editable list (areas, list values, activity types):
 * «Rinomina» and «Disattiva» / «Riattiva». Values are never deleted: data may use them.
 */
export function RowActions({ name, active, pending, onRename, onSetActive }: Props) {
  return (
    <TableCell align="right" sx={{ py: 0.5, whiteSpace: 'nowrap' }}>
      <Button size="small" onClick={onRename} aria-label={`Rinomina ${name}`}>
        Rinomina
      </Button>
      <Button
        size="small"
        onClick={() => onSetActive(!active)}
        disabled={pending}
        aria-label={`${active ? 'Disattiva' : 'Riattiva'} ${name}`}
      >
        {active ? 'Disattiva' : 'Riattiva'}
      </Button>
    </TableCell>
  );
}
