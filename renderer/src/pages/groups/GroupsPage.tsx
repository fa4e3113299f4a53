import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { GroupDialog } from './GroupDialog';
import { GroupsTable } from './GroupsTable';

/** The resident groups of the operator's buildings, active first. */
export function GroupsPage() {
  const list = useApiQuery('groups.list', {});
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Gruppi di residenti"
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Nuovo gruppo
          </Button>
        }
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.refetch} />
      ) : !list.value ? (
        <Loading label="Caricamento dei gruppi" />
      ) : list.value.groups.length === 0 ? (
        <Box sx={{ py: 4 }}>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            Nessun gruppo. Qui compariranno i gruppi autorganizzati dei residenti, con i referenti e le loro
            iniziative.
          </Typography>
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Aggiungi il primo gruppo
          </Button>
        </Box>
      ) : (
        <Paper variant="outlined">
          <GroupsTable groups={list.value.groups} label="Gruppi di residenti" />
        </Paper>
      )}
      {adding && <GroupDialog onClose={() => setAdding(false)} />}
    </>
  );
}
