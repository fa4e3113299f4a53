import TablePagination from '@mui/material/TablePagination';
import { useState } from 'react';

const PAGE_SIZES = [10, 25, 50, 100] as const;

/** One page of a list held in memory, and the pager under its table (shown only with more than one page). */
export function usePaged<T>(rows: readonly T[], initialSize = 10) {
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(initialSize);
  const lastPage = Math.max(0, Math.ceil(rows.length / size) - 1);
  const current = Math.min(page, lastPage);
  const shown = rows.slice(current * size, current * size + size);
  const pager =
    rows.length > PAGE_SIZES[0] ? (
      <TablePagination
        component="div"
        count={rows.length}
        page={current}
        rowsPerPage={size}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={(event) => {
          setSize(Number(event.target.value));
          setPage(0);
        }}
      />
    ) : null;
  return { shown, pager };
}
