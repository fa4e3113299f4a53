import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ImportPreview } from '../../../../../shared/contract';
import { usePaged } from './Paged';

/** One line per wrong cell: the file's line, the column, what is wrong. */
export function ErrorsTable({ errors }: { errors: ImportPreview['errors'] }) {
  const { shown, pager } = usePaged(errors);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Righe con errori">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 80 }}>Riga</TableCell>
            <TableCell sx={{ width: 200 }}>Colonna</TableCell>
            <TableCell>Problema</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((error, index) => (
            <TableRow key={`${error.line}-${error.column}-${index}`}>
              <TableCell>{error.line}</TableCell>
              <TableCell>{error.column}</TableCell>
              <TableCell>{error.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pager}
    </TableContainer>
  );
}
