import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowSelectionModel,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { itIT } from '@mui/x-data-grid/locales';
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type SortDir = 'asc' | 'desc';

/** What a server-side list asks for: one page, in one order. */
export interface GridQuery<F extends string = string> {
  page: number;
  pageSize: number;
  sortField: F;
  sortDir: SortDir;
}

export const PAGE_SIZES = [25, 50, 100] as const;

interface Props<R extends GridValidRowModel & { id: number | string }, F extends string> {
  rows: readonly R[] | undefined;
  /** The call's `total`: how many rows match, over all pages. */
  total: number | undefined;
  loading: boolean;
  columns: readonly GridColDef<R>[];
  page: number;
  pageSize: number;
  sortField: F;
  sortDir: SortDir;
  /**
   * Which columns sort, and by which server sort field: column field → sort field.
   * Columns not listed do not sort. Defaults to every column whose field is the sort field.
   */
  sortFields?: Readonly<Partial<Record<string, F>>>;
  onChange: (query: GridQuery<F>) => void;
  /** Opens a row's detail page (click, or Enter on a cell). */
  onRowOpen?: (row: R) => void;
  /** Shown when there are no rows: what the list will hold, and the action that fills it. */
  emptyText: ReactNode;
  ariaLabel: string;
  /** Tick boxes on each row; the ticked ids stay ticked across pages. */
  selection?: { ids: readonly number[]; onChange: (ids: number[]) => void };
}

const EmptyText = createContext<ReactNode>(null);

function EmptyOverlay() {
  const text = useContext(EmptyText);
  return (
    <Box
      sx={{
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        px: 3,
        textAlign: 'center',
      }}
    >
      {typeof text === 'string' ? <Typography color="text.secondary">{text}</Typography> : text}
    </Box>
  );
}

const localeText = itIT.components.MuiDataGrid.defaultProps.localeText;

/**
 * MUI X DataGrid with paging and sorting done by the server: the grid only
 * reports what the user asked for (`onChange`) and shows the page it gets.
 * Arrow keys move between cells; Enter or a click opens the row.
 */
export function ServerGrid<R extends GridValidRowModel & { id: number | string }, F extends string>({
  rows,
  total,
  loading,
  columns,
  page,
  pageSize,
  sortField,
  sortDir,
  sortFields,
  onChange,
  onRowOpen,
  emptyText,
  ariaLabel,
  selection,
}: Props<R, F>) {
  // While the next page loads, keep showing the last one (and its total), so
  // the pager does not jump back to the first page.
  const last = useRef<{ rows: readonly R[]; total: number }>({ rows: [], total: 0 });
  const fresh = !loading && rows !== undefined && total !== undefined;
  if (fresh) last.current = { rows, total };
  const shown = fresh ? { rows, total } : last.current;

  const columnToSort = useMemo((): Readonly<Partial<Record<string, F>>> => {
    if (sortFields) return sortFields;
    const map: Partial<Record<string, F>> = {};
    for (const column of columns) if (column.field === sortField) map[column.field] = sortField;
    return map;
  }, [sortFields, columns, sortField]);

  const gridColumns = useMemo(
    () =>
      columns.map((column) => ({
        ...column,
        sortable: columnToSort[column.field] !== undefined,
        filterable: false,
      })),
    [columns, columnToSort],
  );

  const sortModel = useMemo((): GridSortModel => {
    const entry = Object.entries(columnToSort).find(([, field]) => field === sortField);
    return entry ? [{ field: entry[0], sort: sortDir }] : [];
  }, [columnToSort, sortField, sortDir]);

  const changePage = (model: GridPaginationModel) => {
    // A new page size starts again from the first page.
    const nextPage = model.pageSize !== pageSize ? 0 : model.page;
    onChange({ page: nextPage, pageSize: model.pageSize, sortField, sortDir });
  };

  const changeSort = (model: GridSortModel) => {
    const first = model[0];
    const field = first ? columnToSort[first.field] : undefined;
    if (field === undefined) {
      // A third click on a header clears the order: go back to ascending on the same field.
      onChange({ page: 0, pageSize, sortField, sortDir: sortDir === 'asc' ? 'desc' : 'asc' });
      return;
    }
    onChange({ page: 0, pageSize, sortField: field, sortDir: first?.sort === 'desc' ? 'desc' : 'asc' });
  };

  return (
    <EmptyText.Provider value={emptyText}>
      <DataGrid<R>
        aria-label={ariaLabel}
        rows={shown.rows}
        rowCount={shown.total}
        columns={gridColumns}
        loading={loading}
        autoHeight
        density="compact"
        localeText={localeText}
        paginationMode="server"
        sortingMode="server"
        filterMode="server"
        sortingOrder={['asc', 'desc']}
        paginationModel={{ page, pageSize }}
        onPaginationModelChange={changePage}
        pageSizeOptions={[...PAGE_SIZES]}
        sortModel={sortModel}
        onSortModelChange={changeSort}
        disableColumnFilter
        disableColumnMenu
        disableRowSelectionOnClick
        {...(selection
          ? {
              checkboxSelection: true,
              keepNonExistentRowsSelected: true,
              rowSelectionModel: { type: 'include', ids: new Set(selection.ids) },
              onRowSelectionModelChange: (model: GridRowSelectionModel) => {
                // "Select all" may answer "every row but these": the rows shown are all the grid knows.
                const ids =
                  model.type === 'include'
                    ? [...model.ids]
                    : shown.rows.map((row) => row.id).filter((id) => !model.ids.has(id));
                selection.onChange(ids.map(Number));
              },
            }
          : {})}
        onRowClick={
          onRowOpen
            ? (params, event) => {
                // With tick boxes, a click on the box ticks the row and does not open it.
                if (event.target instanceof Element && event.target.closest('.MuiDataGrid-cellCheckbox'))
                  return;
                onRowOpen(params.row as R);
              }
            : undefined
        }
        onCellKeyDown={
          onRowOpen
            ? (params, event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.metaKey) {
                  event.preventDefault();
                  onRowOpen(params.row as R);
                }
              }
            : undefined
        }
        slots={{ noRowsOverlay: EmptyOverlay, noResultsOverlay: EmptyOverlay }}
        sx={{
          bgcolor: 'background.paper',
          '--DataGrid-overlayHeight': '160px',
          '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
          '& .MuiDataGrid-row': onRowOpen ? { cursor: 'pointer' } : undefined,
          '& .MuiDataGrid-cell:focus, & .MuiDataGrid-columnHeader:focus': {
            outline: '2px solid #0b57d0',
            outlineOffset: -2,
          },
          '& .MuiDataGrid-cell:focus-within': { outline: 'none' },
        }}
      />
    </EmptyText.Provider>
  );
}

/** Holds a server-side list's page and order; a new filter goes back to the first page. */
export function useGridQuery<F extends string>(
  initial: Omit<GridQuery<F>, 'page' | 'pageSize'> & Partial<Pick<GridQuery<F>, 'pageSize'>>,
): [GridQuery<F>, (query: GridQuery<F>) => void, () => void] {
  const [query, setQuery] = useState<GridQuery<F>>({ page: 0, pageSize: PAGE_SIZES[0], ...initial });
  const firstPage = () => setQuery((current) => (current.page === 0 ? current : { ...current, page: 0 }));
  return [query, setQuery, firstPage];
}
