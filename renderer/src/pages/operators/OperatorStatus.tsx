import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { Operator } from '../../../../shared/contract';

export function OperatorStatus({ operator }: { operator: Operator }) {
  return (
    <Stack direction="row" spacing={0.5}>
      {operator.active ? (
        <Chip size="small" color="success" variant="outlined" label="Attivo" />
      ) : (
        <Chip size="small" variant="outlined" label="Disattivato" />
      )}
      {operator.mustChangePassword && (
        <Chip size="small" color="warning" variant="outlined" label="Password temporanea" />
      )}
    </Stack>
  );
}
